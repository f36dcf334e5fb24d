import { defineHandlers } from '../../api/registry';
import { createInspection, getInspection, listInspections, softDeleteInspection } from './inspections';
import { createOrder, getOrder, listOrders, reviewOrder, softDeleteOrder } from './orders';
import { createHazard, getHazard, hazardHistory, hazardStatistics, listHazards, softDeleteHazard, transitionHazard, updateHazard } from './service';

const ok = { ok: true as const };

export const hazardHandlers = defineHandlers({
  'inspections.list': (input, ctx) => listInspections(ctx, input),
  'inspections.get': (input, ctx) => getInspection(ctx, input.id),
  'inspections.create': (input, ctx) => createInspection(ctx, input),
  'inspections.delete': (input, ctx) => (softDeleteInspection(ctx, input.id), ok),
  'hazards.list': (input, ctx) => listHazards(ctx, input),
  'hazards.get': (input, ctx) => getHazard(ctx, input.id),
  'hazards.create': (input, ctx) => createHazard(ctx, input),
  'hazards.update': (input, ctx) => updateHazard(ctx, input),
  'hazards.transition': (input, ctx) => transitionHazard(ctx, input),
  'hazards.history': (input, ctx) => hazardHistory(ctx, input.id),
  'hazards.delete': (input, ctx) => (softDeleteHazard(ctx, input.id), ok),
  'hazards.statistics': (input, ctx) => hazardStatistics(ctx, input),
  'orders.list': (input, ctx) => listOrders(ctx, input),
  'orders.get': (input, ctx) => getOrder(ctx, input.id),
  'orders.create': (input, ctx) => createOrder(ctx, input),
  'orders.review': (input, ctx) => reviewOrder(ctx, input),
  'orders.delete': (input, ctx) => (softDeleteOrder(ctx, input.id), ok),
});
