import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels, type HostBridge } from '../../src/shared/host-bridge';

/**
 * The whole renderer-facing surface: `window.api`, implementing HostBridge and nothing more. No raw
 * ipcRenderer, no Node, no generic "send to any channel". Runs sandboxed, so it may only require 'electron';
 * `ipcChannels` is inlined by the bundler.
 */
const bridge: HostBridge = {
  kind: 'electron',
  invoke: (name, input, sessionToken) => ipcRenderer.invoke(ipcChannels.invoke, name, input, sessionToken),
  openFileDialog: (options) => ipcRenderer.invoke(ipcChannels.openFileDialog, options),
  openFolderDialog: (options) => ipcRenderer.invoke(ipcChannels.openFolderDialog, options),
  print: (request, sessionToken) => ipcRenderer.invoke(ipcChannels.print, request, sessionToken ?? null),
  savePdf: (request, sessionToken) => ipcRenderer.invoke(ipcChannels.savePdf, request, sessionToken ?? null),
  openAttachment: (id, sessionToken) => ipcRenderer.invoke(ipcChannels.openAttachment, id, sessionToken),
};

contextBridge.exposeInMainWorld('api', bridge);
