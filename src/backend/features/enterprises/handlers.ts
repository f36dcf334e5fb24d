import { defineHandlers } from '../../api/registry';
import {
  createEnterprise,
  enterpriseLinkCounts,
  enterpriseOptions,
  getEnterprise,
  listEnterprises,
  softDeleteEnterprise,
  updateEnterprise,
} from './service';

export const enterpriseHandlers = defineHandlers({
  'enterprises.list': (input, ctx) => listEnterprises(ctx, input),
  'enterprises.get': (input, ctx) => getEnterprise(ctx, input.id),
  'enterprises.options': (input, ctx) => enterpriseOptions(ctx, input),
  'enterprises.create': (input, ctx) => createEnterprise(ctx, input),
  'enterprises.update': (input, ctx) => updateEnterprise(ctx, input),
  'enterprises.delete': (input, ctx) => {
    softDeleteEnterprise(ctx, input.id);
    return { ok: true as const };
  },
  'enterprises.links': (input, ctx) => enterpriseLinkCounts(ctx, input.id),
});
