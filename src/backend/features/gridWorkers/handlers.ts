import { defineHandlers } from '../../api/registry';
import { createGridWorker, gridWorkerOptions, listGridWorkers, softDeleteGridWorker, updateGridWorker } from './service';

export const gridWorkerHandlers = defineHandlers({
  'gridWorkers.list': (input, ctx) => listGridWorkers(ctx, input),
  'gridWorkers.options': (input, ctx) => gridWorkerOptions(ctx, input),
  'gridWorkers.create': (input, ctx) => createGridWorker(ctx, input),
  'gridWorkers.update': (input, ctx) => updateGridWorker(ctx, input),
  'gridWorkers.delete': (input, ctx) => {
    softDeleteGridWorker(ctx, input.id);
    return { ok: true as const };
  },
});
