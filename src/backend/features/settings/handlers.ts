import { defineHandlers } from '../../api/registry';
import { recordAudit } from '../audit/service';
import { getOfficeSettings, updateOfficeSettings } from './service';

export const settingsHandlers = defineHandlers({
  'settings.get': (_input, ctx) => getOfficeSettings(ctx),
  'settings.update': (input, ctx) => {
    const before = getOfficeSettings(ctx);
    const after = updateOfficeSettings(ctx, input);
    recordAudit(ctx, { action: 'update', entity: 'settings', entityId: 1, entityTitle: '单位与签字', before, after });
    return after;
  },
});
