import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export interface MenuDeps {
  dataDir: string;
  mainWindow: () => BrowserWindow | null;
}

/** The Chinese application menu. Edit items use roles so copy/paste work in every text field. */
export function buildAppMenu(deps: MenuDeps): Menu {
  const viewItems: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!app.isPackaged) viewItems.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });

  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: viewItems },
    { label: '帮助', submenu: [{ label: '关于安监台账', click: () => void showAbout(deps) }] },
  ];
  return Menu.buildFromTemplate(template);
}

async function showAbout(deps: MenuDeps): Promise<void> {
  const options = {
    type: 'info' as const,
    title: '关于安监台账',
    message: `安监台账 ${app.getVersion()}`,
    detail: `乡镇应急管理办公室安全监管台账（离线版）。\n\n数据文件夹：${deps.dataDir}\n请定期备份此文件夹。`,
    buttons: ['确定', '打开数据文件夹'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const parent = deps.mainWindow();
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 1) {
    const failure = await shell.openPath(deps.dataDir);
    if (failure) dialog.showErrorBox('无法打开数据文件夹', `${deps.dataDir}\n${failure}`);
  }
}
