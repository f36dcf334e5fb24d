import { drillSortFields, type DrillFilters } from '../../../shared/api/drills';
import { planSortFields, type PlanFilingFilters, type PlanFilters } from '../../../shared/api/plans';
import { drillForms, drillScopes, planFilingStatuses, planKinds, planOwnerTypes, planStatuses } from '../../../shared/domain/emergencyPlan';
import { dateRange, listQueryCodec, oneOf, positiveInt, searchText, type ListQuery } from '../../components/listQuery';

export type PlanListQuery = ListQuery<PlanFilters, (typeof planSortFields)[number]>;
const planFilterKeys = ['q', 'ownerType', 'kind', 'villageId', 'enterpriseId', 'status', 'due'] as const satisfies readonly (keyof PlanFilters)[];

const planCodec = listQueryCodec({
  filterKeys: planFilterKeys,
  readFilters: (params): PlanFilters => ({
    q: searchText(params),
    ownerType: oneOf(planOwnerTypes, params.get('ownerType')),
    kind: oneOf(planKinds, params.get('kind')),
    villageId: positiveInt(params.get('villageId')),
    enterpriseId: positiveInt(params.get('enterpriseId')),
    status: oneOf(planStatuses, params.get('status')),
    due: oneOf(['overdue', 'due'] as const, params.get('due')),
  }),
  sortFields: planSortFields,
  defaultOrder: 'ascend',
});
export const readPlanListQuery = planCodec.read;
export const writePlanListQuery = planCodec.write;
export const planFiltersOf = planCodec.filtersOf;
export const hasActivePlanFilters = planCodec.hasActive;
export const lastPlanListSearchKey = 'anjian.plans.listSearch';

export type DrillListQuery = ListQuery<DrillFilters, (typeof drillSortFields)[number]>;
const drillFilterKeys = ['q', 'ownerType', 'villageId', 'enterpriseId', 'planId', 'scope', 'form', 'from', 'to', 'fireBrigade', 'unevaluated'] as const satisfies readonly (keyof DrillFilters)[];

const drillCodec = listQueryCodec({
  filterKeys: drillFilterKeys,
  readFilters: (params): DrillFilters => ({
    q: searchText(params),
    ownerType: oneOf(planOwnerTypes, params.get('ownerType')),
    villageId: positiveInt(params.get('villageId')),
    enterpriseId: positiveInt(params.get('enterpriseId')),
    planId: positiveInt(params.get('planId')),
    scope: oneOf(drillScopes, params.get('scope')),
    form: oneOf(drillForms, params.get('form')),
    ...dateRange(params),
    fireBrigade: params.get('fireBrigade') === 'true' ? true : undefined,
    unevaluated: params.get('unevaluated') === 'true' ? true : undefined,
  }),
  sortFields: drillSortFields,
  defaultOrder: 'descend',
});
export const readDrillListQuery = drillCodec.read;
export const writeDrillListQuery = drillCodec.write;
export const drillFiltersOf = drillCodec.filtersOf;
export const hasActiveDrillFilters = drillCodec.hasActive;

export type PlanFilingListQuery = ListQuery<PlanFilingFilters, never>;
const planFilingFilterKeys = ['q', 'status', 'planId', 'enterpriseId', 'from', 'to'] as const satisfies readonly (keyof PlanFilingFilters)[];

const planFilingCodec = listQueryCodec({
  filterKeys: planFilingFilterKeys,
  readFilters: (params): PlanFilingFilters => ({
    q: searchText(params),
    status: oneOf(planFilingStatuses, params.get('status')),
    planId: positiveInt(params.get('planId')),
    enterpriseId: positiveInt(params.get('enterpriseId')),
    ...dateRange(params),
  }),
  sortFields: [] as never[],
  defaultOrder: 'descend',
});
export const readPlanFilingListQuery = planFilingCodec.read;
export const writePlanFilingListQuery = planFilingCodec.write;
export const planFilingFiltersOf = planFilingCodec.filtersOf;
export const hasActivePlanFilingFilters = planFilingCodec.hasActive;
