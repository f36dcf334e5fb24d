import { App } from 'antd';
import { useState } from 'react';
import type { HostBridge, PrintRequest } from '../../shared/host-bridge';
import { sessionStore } from '../api/client';

/**
 * The desktop shell's printing, for the renderer: the shell renders the print view in a hidden window that it
 * logs in with this window's session (sessionStorage is per window), so every call passes the token. Both
 * resolve to what to tell the user instead of throwing.
 */
export async function printInShell(api: HostBridge, request: PrintRequest): Promise<{ error?: string }> {
  const result = await api.print(request, sessionStore.get()?.token ?? null);
  return result.ok ? {} : { error: result.error };
}

/** Renders the print view to PDF and asks where to save it; `saved` is the path, absent when the user cancelled. */
export async function savePdfInShell(api: HostBridge, request: PrintRequest & { defaultFileName: string }): Promise<{ saved?: string; error?: string }> {
  try {
    const saved = await api.savePdf(request, sessionStore.get()?.token ?? null);
    return saved ? { saved } : {};
  } catch (error) {
    // Electron prefixes a rejected IPC call's message with its own wording; staff see only ours.
    return { error: (error as Error).message.replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, '') };
  }
}

/**
 * 打印 and 保存为PDF buttons of the print view and the print center: which one is busy, and the two actions
 * with their outcome shown as a message. Only meaningful where `window.api` exists (the desktop app).
 */
export function useShellPrint() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);

  async function print(request: PrintRequest) {
    if (!window.api) return;
    setBusy('print');
    try {
      const { error } = await printInShell(window.api, request);
      if (error) message.error(error);
    } finally {
      setBusy(null);
    }
  }

  async function savePdf(request: PrintRequest & { defaultFileName: string }) {
    if (!window.api) return;
    setBusy('pdf');
    try {
      const { saved, error } = await savePdfInShell(window.api, request);
      if (error) message.error(error);
      else if (saved) message.success(`已保存：${saved}`);
    } finally {
      setBusy(null);
    }
  }

  return { busy, print, savePdf };
}
