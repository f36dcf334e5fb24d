import { defineHandlers } from '../../api/registry';
import {
  addInspection,
  createIdleSite,
  getIdleSite,
  idleSiteOptions,
  idleSiteSummary,
  listIdleSites,
  listInspections,
  softDeleteIdleSite,
  updateIdleSite,
} from './service';

export const idleSiteHandlers = defineHandlers({
  'idleSites.list': (input, ctx) => listIdleSites(ctx, input),
  'idleSites.get': (input, ctx) => getIdleSite(ctx, input.id),
  'idleSites.options': (input, ctx) => idleSiteOptions(ctx, input),
  'idleSites.create': (input, ctx) => createIdleSite(ctx, input),
  'idleSites.update': (input, ctx) => updateIdleSite(ctx, input),
  'idleSites.delete': (input, ctx) => {
    softDeleteIdleSite(ctx, input.id);
    return { ok: true as const };
  },
  'idleSites.inspections': (input, ctx) => listInspections(ctx, input.idleSiteId),
  'idleSites.addInspection': (input, ctx) => addInspection(ctx, input),
  'idleSites.summary': (input, ctx) => idleSiteSummary(ctx, input),
});
