import { defineHandlers } from '../../api/registry';
import {
  assignTankResponsible,
  changeTankStatus,
  createTank,
  getTank,
  listTanks,
  majorHazardUnits,
  softDeleteTank,
  tankStatusHistory,
  tankSummary,
  updateTank,
} from './service';

export const tankHandlers = defineHandlers({
  'tanks.list': (input, ctx) => listTanks(ctx, input),
  'tanks.get': (input, ctx) => getTank(ctx, input.id),
  'tanks.create': (input, ctx) => createTank(ctx, input),
  'tanks.update': (input, ctx) => updateTank(ctx, input),
  'tanks.delete': (input, ctx) => {
    softDeleteTank(ctx, input.id);
    return { ok: true as const };
  },
  'tanks.changeStatus': (input, ctx) => changeTankStatus(ctx, input),
  'tanks.assignResponsible': (input, ctx) => assignTankResponsible(ctx, input),
  'tanks.statusHistory': (input, ctx) => tankStatusHistory(ctx, input.id),
  'tanks.summary': (input, ctx) => tankSummary(ctx, input),
  'tanks.majorHazards': (input, ctx) => majorHazardUnits(ctx, input),
});
