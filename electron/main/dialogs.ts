import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { FileFilter } from '../../src/shared/host-bridge';

export interface OpenFileOptions {
  title?: string;
  filters?: FileFilter[];
  multiple?: boolean;
}

/** Native "open file" dialog; the chosen paths, or null when the user cancels. */
export async function openFileDialog(parent: BrowserWindow | null, options: OpenFileOptions): Promise<string[] | null> {
  const properties: OpenDialogOptions['properties'] = ['openFile'];
  if (options.multiple) properties.push('multiSelections');
  const dialogOptions: OpenDialogOptions = {
    title: options.title ?? '选择文件',
    buttonLabel: '打开',
    filters: options.filters?.length ? options.filters : undefined,
    properties,
  };
  const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

/** Native "choose folder" dialog (e.g. for a backup destination); the folder, or null when cancelled. */
export async function openFolderDialog(parent: BrowserWindow | null, options: { title?: string }): Promise<string | null> {
  const dialogOptions: OpenDialogOptions = {
    title: options.title ?? '选择文件夹',
    buttonLabel: '选择',
    properties: ['openDirectory', 'createDirectory'],
  };
  const result = parent ? await dialog.showOpenDialog(parent, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
  return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null);
}
