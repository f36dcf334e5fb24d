import { app, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../src/backend/app';

/**
 * Opens an attachment with the system's viewer (PDF reader, WPS/Office, image viewer). The bytes come through
 * dispatch with the caller's session, so the same permission checks apply as in the browser; the copy goes to
 * a per-run temp folder under its original name, which is what the viewer shows in its title bar.
 */
export async function openAttachment(backend: Backend, id: number, sessionToken: string | null): Promise<{ ok: boolean; error?: string }> {
  const result = await backend.dispatch('attachments.content', { id }, sessionToken);
  if (!result.ok) return { ok: false, error: result.error.message };
  const { attachment, dataBase64 } = result.data as { attachment: { fileName: string }; dataBase64: string };
  const folder = path.join(app.getPath('temp'), 'anjian-attachments', String(process.pid), String(id));
  fs.mkdirSync(folder, { recursive: true });
  // The stored name is user input: keep only its last path segment.
  const file = path.join(folder, path.basename(attachment.fileName.replace(/[\\/]/g, '_')) || `附件${id}`);
  fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'));
  const failure = await shell.openPath(file);
  return failure ? { ok: false, error: `无法打开文件：${failure}` } : { ok: true };
}
