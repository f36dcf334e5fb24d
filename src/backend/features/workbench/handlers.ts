import { defineHandlers } from '../../api/registry';
import { workbenchSummary } from './service';

export const workbenchHandlers = defineHandlers({
  'workbench.summary': (_input, ctx) => workbenchSummary(ctx),
});
