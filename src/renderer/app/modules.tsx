import { DeleteOutlined, EnvironmentOutlined, SettingOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { ApiName } from '../../shared/api';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { TrashPage } from '../pages/trash/TrashPage';
import { VillagesPage } from '../pages/villages/VillagesPage';

/** A module the sidebar offers. Only modules that exist are listed; later features add theirs here. */
export interface AppModule {
  path: string;
  label: string;
  icon: ReactNode;
  element: ReactNode;
  /** Pinned to the bottom group of the menu (system pages). */
  system?: boolean;
  /** Shown only to users allowed to call this method (e.g. account management for 管理员). */
  requires?: ApiName;
}

export const appModules: AppModule[] = [
  { path: '/villages', label: '村/社区', icon: <EnvironmentOutlined />, element: <VillagesPage /> },
  { path: '/trash', label: '回收站', icon: <DeleteOutlined />, element: <TrashPage />, system: true },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, element: <SettingsPage />, system: true },
];

export const homePath = appModules[0].path;
