import type { SystemStatus } from '../../../shared/api/system';
import type { RequestContext } from '../../api/context';
import { conflict } from '../../api/errors';
import { defineHandlers } from '../../api/registry';
import { createUser, login } from '../auth/service';
import { seedChemicalCatalogue } from '../chemicals/seed';
import { loadDemoData } from '../demo/service';
import { getOfficeSettings, isSetupDone, markSetupDone, updateOfficeSettings } from '../settings/service';

function status(ctx: RequestContext): SystemStatus {
  const office = getOfficeSettings(ctx);
  return {
    appVersion: ctx.appVersion,
    schemaVersion: ctx.appDb.schemaVersion,
    setupDone: isSetupDone(ctx),
    dataDir: ctx.dataDir,
    orgName: office.orgName || null,
    user: ctx.user,
  };
}

export const systemHandlers = defineHandlers({
  'system.status': (_input, ctx) => status(ctx),
  'system.setup': (input, ctx) => {
    if (isSetupDone(ctx)) throw conflict('本机已完成初始设置，如需修改请到“设置”页面。');
    // Settings, the administrator, the chemical catalogue's seed, demo data and the done flag land together or not at all.
    const session = ctx.appDb.sqlite.transaction(() => {
      updateOfficeSettings(ctx, { ...getOfficeSettings(ctx), orgName: input.orgName, townName: input.townName });
      createUser(ctx, { ...input.admin, role: 'admin' });
      seedChemicalCatalogue(ctx);
      if (input.loadDemo) loadDemoData(ctx, { scale: 'small' });
      markSetupDone(ctx);
      return login(ctx, input.admin.username, input.admin.password);
    })();
    return { status: status({ ...ctx, user: session.user }), session };
  },
});
