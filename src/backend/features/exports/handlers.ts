import { defineHandlers } from '../../api/registry';
import { startExport } from './service';

export const exportHandlers = defineHandlers({
  'exports.start': (input, ctx) => startExport(ctx, input),
});
