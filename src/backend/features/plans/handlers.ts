import { defineHandlers } from '../../api/registry';
import { createPlanFiling, decidePlanFiling, getPlanFiling, listPlanFilings, softDeletePlanFiling, updatePlanFiling } from './filingDesk';
import { createPlan, evaluatePlan, getPlan, listPlans, planDepartments, planRemindersList, revisePlan, softDeletePlan, updatePlan } from './service';

export const planHandlers = defineHandlers({
  'plans.list': (input, ctx) => listPlans(ctx, input),
  'plans.get': (input, ctx) => getPlan(ctx, input.id),
  'plans.create': (input, ctx) => createPlan(ctx, input),
  'plans.update': (input, ctx) => updatePlan(ctx, input),
  'plans.revise': (input, ctx) => revisePlan(ctx, input),
  'plans.evaluate': (input, ctx) => evaluatePlan(ctx, input),
  'plans.delete': (input, ctx) => {
    softDeletePlan(ctx, input.id);
    return { ok: true as const };
  },
  'plans.departments': (_input, ctx) => planDepartments(ctx),
  'plans.reminders': (input, ctx) => planRemindersList(ctx, input),
  'planFilings.list': (input, ctx) => listPlanFilings(ctx, input),
  'planFilings.get': (input, ctx) => getPlanFiling(ctx, input.id),
  'planFilings.create': (input, ctx) => createPlanFiling(ctx, input),
  'planFilings.update': (input, ctx) => updatePlanFiling(ctx, input),
  'planFilings.decide': (input, ctx) => decidePlanFiling(ctx, input),
  'planFilings.delete': (input, ctx) => {
    softDeletePlanFiling(ctx, input.id);
    return { ok: true as const };
  },
});
