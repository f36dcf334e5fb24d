import path from 'node:path';
import { apiContract, type ApiName, type ApiResult, type In, type Out } from '../shared/api';
import { systemClock, type Clock, type HandlerContext } from './api/context';
import { dispatch, type DispatchOptions } from './api/dispatch';
import { createRegistry, type HandlerGroup, type Registry } from './api/registry';
import { openDb } from './db/open';
import { attachmentHandlers } from './features/attachments/handlers';
import { auditHandlers } from './features/audit/handlers';
import { backupHandlers } from './features/backup/handlers';
import { authHandlers } from './features/auth/handlers';
import { authenticate } from './features/auth/service';
import { chemicalHandlers } from './features/chemicals/handlers';
import { enterpriseHandlers } from './features/enterprises/handlers';
import { exportHandlers } from './features/exports/handlers';
import { drillHandlers } from './features/drills/handlers';
import { filingHandlers } from './features/filings/handlers';
import { hazardHandlers } from './features/hazards/handlers';
import { planHandlers } from './features/plans/handlers';
import { reportHandlers } from './features/report/handlers';
import { gridWorkerHandlers } from './features/gridWorkers/handlers';
import { holidayHandlers } from './features/holidays/handlers';
import { idleSiteHandlers } from './features/idleSites/handlers';
import { importHandlers } from './features/imports/handlers';
import { jobHandlers } from './features/jobs/handlers';
import { ledgerHandlers } from './features/ledgers/handlers';
import { mapHandlers } from './features/maps/handlers';
import { settingsHandlers } from './features/settings/handlers';
import { systemHandlers } from './features/system/handlers';
import { tankHandlers } from './features/tanks/handlers';
import { trashHandlers } from './features/trash/handlers';
import { villageHandlers } from './features/villages/handlers';
import { workbenchHandlers } from './features/workbench/handlers';

/** Every feature's handlers; a new feature adds its group here. */
export const handlerGroups: HandlerGroup[] = [
  systemHandlers,
  authHandlers,
  settingsHandlers,
  holidayHandlers,
  villageHandlers,
  chemicalHandlers,
  gridWorkerHandlers,
  enterpriseHandlers,
  idleSiteHandlers,
  attachmentHandlers,
  auditHandlers,
  ledgerHandlers,
  trashHandlers,
  jobHandlers,
  exportHandlers,
  importHandlers,
  tankHandlers,
  filingHandlers,
  planHandlers,
  drillHandlers,
  hazardHandlers,
  backupHandlers,
  mapHandlers,
  workbenchHandlers,
  reportHandlers,
];

export interface BackendOptions {
  dataDir: string;
  /** Folder with `migrations/` and `maps/`. */
  resourcesDir: string;
  nativeBinding?: string;
  appVersion: string;
  clock?: Clock;
  dispatchOptions?: DispatchOptions;
}

export interface Backend {
  /**
   * Untyped entry used by the transports (IPC, HTTP): never throws, returns an ApiResult. The session token
   * is the one `auth.login` or `system.setup` returned; public methods work without it.
   */
  dispatch(name: string, input: unknown, sessionToken?: string | null): Promise<ApiResult<unknown>>;
  /** Typed convenience for scripts and tests; throws on an error result. */
  call<N extends ApiName>(name: N, input: In<N>, sessionToken?: string | null): Promise<Out<N>>;
  ctx: HandlerContext;
  registry: Registry;
  close(): void;
}

export function createBackend(options: BackendOptions): Backend {
  const appDb = openDb({
    dataDir: options.dataDir,
    migrationsDir: path.join(options.resourcesDir, 'migrations'),
    nativeBinding: options.nativeBinding,
  });
  const ctx: HandlerContext = {
    appDb,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    appVersion: options.appVersion,
    clock: options.clock ?? systemClock,
  };
  const registry = createRegistry(handlerGroups);
  const dispatchOptions: DispatchOptions = { authenticate, ...options.dispatchOptions };
  const run = (name: string, input: unknown, sessionToken?: string | null) =>
    dispatch(registry, name, input, ctx, dispatchOptions, sessionToken);
  return {
    dispatch: run,
    async call(name, input, sessionToken) {
      const result = await run(name, input, sessionToken);
      if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), { apiError: result.error });
      return result.data as Out<typeof name>;
    },
    ctx,
    registry,
    close: () => appDb.close(),
  };
}

export { apiContract };
