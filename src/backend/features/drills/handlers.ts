import { defineHandlers } from '../../api/registry';
import { createDrill, drillSummary, getDrill, listDrills, softDeleteDrill, updateDrill } from './service';

export const drillHandlers = defineHandlers({
  'drills.list': (input, ctx) => listDrills(ctx, input),
  'drills.get': (input, ctx) => getDrill(ctx, input.id),
  'drills.create': (input, ctx) => createDrill(ctx, input),
  'drills.update': (input, ctx) => updateDrill(ctx, input),
  'drills.delete': (input, ctx) => {
    softDeleteDrill(ctx, input.id);
    return { ok: true as const };
  },
  'drills.summary': (input, ctx) => drillSummary(ctx, input),
});
