import { defineHandlers } from '../../api/registry';
import { chemicalOptions, createChemical, getChemical, listChemicals, softDeleteChemical, updateChemical } from './service';

export const chemicalHandlers = defineHandlers({
  'chemicals.list': (input, ctx) => listChemicals(ctx, input),
  'chemicals.options': (input, ctx) => chemicalOptions(ctx, input),
  'chemicals.get': (input, ctx) => getChemical(ctx, input.id),
  'chemicals.create': (input, ctx) => createChemical(ctx, input),
  'chemicals.update': (input, ctx) => updateChemical(ctx, input),
  'chemicals.delete': (input, ctx) => {
    softDeleteChemical(ctx, input.id);
    return { ok: true as const };
  },
});
