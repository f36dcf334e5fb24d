import { defineHandlers } from '../../api/registry';
import { createVillage, getVillage, listVillages, softDeleteVillage, updateVillage, villageOptions } from './service';

export const villageHandlers = defineHandlers({
  'villages.list': (input, ctx) => listVillages(ctx, input),
  'villages.get': (input, ctx) => getVillage(ctx, input.id),
  'villages.options': (_input, ctx) => villageOptions(ctx),
  'villages.create': (input, ctx) => createVillage(ctx, input),
  'villages.update': (input, ctx) => updateVillage(ctx, input),
  'villages.delete': (input, ctx) => {
    softDeleteVillage(ctx, input.id);
    return { ok: true as const };
  },
});
