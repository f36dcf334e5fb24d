import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DeleteOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FireOutlined,
  GlobalOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  HomeOutlined,
  PrinterOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { ApiName } from '../../shared/api';
import { AuditLogPage } from '../pages/audit/AuditLogPage';
import { BackupPage } from '../pages/backup/BackupPage';
import { ChemicalsPage } from '../pages/chemicals/ChemicalsPage';
import { EnterprisesPage } from '../pages/enterprises/EnterprisesPage';
import { FilingsPage } from '../pages/filings/FilingsPage';
import { GridWorkersPage } from '../pages/gridWorkers/GridWorkersPage';
import { HazardsPage } from '../pages/hazards/HazardsPage';
import { IdleSitesPage } from '../pages/idleSites/IdleSitesPage';
import { MapsPage } from '../pages/maps/MapsPage';
import { PlansPage } from '../pages/plans/PlansPage';
import { PrintCenterPage } from '../pages/printCenter/PrintCenterPage';
import { ReportPage } from '../pages/report/ReportPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { TanksPage } from '../pages/tanks/TanksPage';
import { UsersPage } from '../pages/users/UsersPage';
import { TrashPage } from '../pages/trash/TrashPage';
import { VillagesPage } from '../pages/villages/VillagesPage';
import { WorkbenchPage } from '../pages/workbench/WorkbenchPage';

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
  { path: '/workbench', label: '工作台', icon: <DashboardOutlined />, element: <WorkbenchPage /> },
  { path: '/report', label: '工作汇报', icon: <FileTextOutlined />, element: <ReportPage /> },
  { path: '/enterprises', label: '企业（一企一档）', icon: <BankOutlined />, element: <EnterprisesPage /> },
  { path: '/filings', label: '特殊作业报备', icon: <FireOutlined />, element: <FilingsPage /> },
  { path: '/plans', label: '应急预案与演练', icon: <FileProtectOutlined />, element: <PlansPage /> },
  { path: '/hazards', label: '隐患排查治理', icon: <AlertOutlined />, element: <HazardsPage /> },
  { path: '/tanks', label: '储罐', icon: <DatabaseOutlined />, element: <TanksPage /> },
  { path: '/idle-sites', label: '四闲场所', icon: <HomeOutlined />, element: <IdleSitesPage /> },
  { path: '/maps', label: '地图', icon: <GlobalOutlined />, element: <MapsPage /> },
  { path: '/villages', label: '村/社区', icon: <EnvironmentOutlined />, element: <VillagesPage /> },
  { path: '/grid-workers', label: '网格员', icon: <TeamOutlined />, element: <GridWorkersPage /> },
  { path: '/chemicals', label: '化学品目录', icon: <ExperimentOutlined />, element: <ChemicalsPage /> },
  { path: '/print-center', label: '打印中心', icon: <PrinterOutlined />, element: <PrintCenterPage /> },
  { path: '/trash', label: '回收站', icon: <DeleteOutlined />, element: <TrashPage />, system: true },
  { path: '/users', label: '账户管理', icon: <UserOutlined />, element: <UsersPage />, system: true, requires: 'users.list' },
  { path: '/audit', label: '操作日志', icon: <AuditOutlined />, element: <AuditLogPage />, system: true, requires: 'audit.list' },
  { path: '/backup', label: '备份与恢复', icon: <CloudServerOutlined />, element: <BackupPage />, system: true },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, element: <SettingsPage />, system: true },
];

export const homePath = appModules[0].path;
