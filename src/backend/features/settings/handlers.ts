import { defineHandlers } from '../../api/registry';
import { getOfficeSettings, updateOfficeSettings } from './service';

export const settingsHandlers = defineHandlers({
  'settings.get': (_input, ctx) => getOfficeSettings(ctx),
  'settings.update': (input, ctx) => updateOfficeSettings(ctx, input),
});
