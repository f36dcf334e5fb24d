import { z } from 'zod';
import { attachmentsApi } from './attachments';
import { auditApi } from './audit';
import { authApi, usersApi } from './auth';
import { backupApi } from './backup';
import { chemicalsApi } from './chemicals';
import { enterprisesApi } from './enterprises';
import { exportsApi } from './exports';
import { drillsApi } from './drills';
import { filingsApi } from './filings';
import { hazardsApi } from './hazards';
import { gridWorkersApi } from './gridWorkers';
import { holidaysApi } from './holidays';
import { idleSitesApi } from './idleSites';
import { importsApi } from './imports';
import { jobsApi } from './jobs';
import { ledgersApi } from './ledgers';
import { mapsApi } from './maps';
import { plansApi } from './plans';
import { reportApi } from './report';
import { settingsApi } from './settings';
import { systemApi } from './system';
import { tanksApi } from './tanks';
import { trashApi } from './trash';
import { villagesApi } from './villages';
import { workbenchApi } from './workbench';

// Chinese fallback messages for any schema that does not carry its own.
z.config(z.locales.zhCN());

/** The whole API: every method name the backend serves and the renderer may call. */
export const apiContract = {
  ...systemApi,
  ...authApi,
  ...usersApi,
  ...settingsApi,
  ...holidaysApi,
  ...villagesApi,
  ...chemicalsApi,
  ...gridWorkersApi,
  ...enterprisesApi,
  ...idleSitesApi,
  ...reportApi,
  ...attachmentsApi,
  ...auditApi,
  ...ledgersApi,
  ...trashApi,
  ...jobsApi,
  ...exportsApi,
  ...importsApi,
  ...tanksApi,
  ...filingsApi,
  ...plansApi,
  ...drillsApi,
  ...hazardsApi,
  ...backupApi,
  ...mapsApi,
  ...workbenchApi,
};

export type ApiContract = typeof apiContract;
export type ApiName = keyof ApiContract;
/** What a caller passes (defaults still optional). */
export type In<N extends ApiName> = z.input<ApiContract[N]['input']>;
/** What a handler receives after validation (defaults applied). */
export type Parsed<N extends ApiName> = z.output<ApiContract[N]['input']>;
export type Out<N extends ApiName> = z.output<ApiContract[N]['output']>;

export const apiNames = Object.keys(apiContract) as ApiName[];

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

export * from './errors';
