import { hazardSortFields, inspectionSortFields, orderSortFields, type HazardFilters, type InspectionFilters, type OrderFilters } from '../../../shared/api/hazards';
import { industries } from '../../../shared/domain/enterprise';
import { hazardLevels, hazardSources, hazardStatuses, inspectionKinds } from '../../../shared/domain/hazard';
import { dateRange, listQueryCodec, oneOf, positiveInt, searchText, type ListQuery } from '../../components/listQuery';

const onlyTrue = (raw: string | null) => (raw === 'true' ? true : undefined);

export type HazardListQuery = ListQuery<HazardFilters, (typeof hazardSortFields)[number]>;
/** The 隐患台账's URL filters; also what its print view and export carry. */
export const hazardFilterKeys = [
  'q',
  'level',
  'status',
  'overdue',
  'source',
  'villageId',
  'industry',
  'enterpriseId',
  'idleSiteId',
  'inspectionId',
  'orderId',
  'from',
  'to',
  'withoutOrder',
] as const satisfies readonly (keyof HazardFilters)[];

export function readHazardFilters(params: URLSearchParams): HazardFilters {
  return {
    q: searchText(params),
    level: oneOf(hazardLevels, params.get('level')),
    status: oneOf(hazardStatuses, params.get('status')),
    overdue: onlyTrue(params.get('overdue')),
    source: oneOf(hazardSources, params.get('source')),
    villageId: positiveInt(params.get('villageId')),
    industry: oneOf(industries, params.get('industry')),
    enterpriseId: positiveInt(params.get('enterpriseId')),
    idleSiteId: positiveInt(params.get('idleSiteId')),
    inspectionId: positiveInt(params.get('inspectionId')),
    orderId: positiveInt(params.get('orderId')),
    ...dateRange(params),
    withoutOrder: onlyTrue(params.get('withoutOrder')),
  };
}

const hazardCodec = listQueryCodec({ filterKeys: hazardFilterKeys, readFilters: readHazardFilters, sortFields: hazardSortFields, defaultOrder: 'descend' });
export const readHazardListQuery = hazardCodec.read;
export const writeHazardListQuery = hazardCodec.write;
export const hazardFiltersOf = hazardCodec.filtersOf;
export const hasActiveHazardFilters = hazardCodec.hasActive;
export const lastHazardListSearchKey = 'anjian.hazards.listSearch';

/** 检查记录: always by inspection date; only the direction is chosen. */
export type InspectionListQuery = ListQuery<InspectionFilters, (typeof inspectionSortFields)[number]>;
/** The 检查记录 list's URL filters; also what its print view and export carry. */
export const inspectionFilterKeys = ['q', 'kind', 'enterpriseId', 'idleSiteId', 'villageId', 'from', 'to'] as const satisfies readonly (keyof InspectionFilters)[];

const inspectionCodec = listQueryCodec({
  filterKeys: inspectionFilterKeys,
  readFilters: (params): InspectionFilters => ({
    q: searchText(params),
    kind: oneOf(inspectionKinds, params.get('kind')),
    enterpriseId: positiveInt(params.get('enterpriseId')),
    idleSiteId: positiveInt(params.get('idleSiteId')),
    villageId: positiveInt(params.get('villageId')),
    ...dateRange(params),
  }),
  sortFields: inspectionSortFields,
  defaultOrder: 'descend',
});
export const readInspectionListQuery = inspectionCodec.read;
export const writeInspectionListQuery = inspectionCodec.write;
export const inspectionFiltersOf = inspectionCodec.filtersOf;
export const hasActiveInspectionFilters = inspectionCodec.hasActive;

/** 整改指令书: by issue (their number), newest first unless turned round. */
export type OrderListQuery = ListQuery<OrderFilters, (typeof orderSortFields)[number]>;
/** The 整改指令书 list's URL filters; also what its print view and export carry. */
export const orderFilterKeys = ['q', 'enterpriseId', 'villageId', 'from', 'to', 'open', 'overdue'] as const satisfies readonly (keyof OrderFilters)[];

const orderCodec = listQueryCodec({
  filterKeys: orderFilterKeys,
  readFilters: (params): OrderFilters => ({
    q: searchText(params),
    enterpriseId: positiveInt(params.get('enterpriseId')),
    villageId: positiveInt(params.get('villageId')),
    ...dateRange(params),
    open: onlyTrue(params.get('open')),
    overdue: onlyTrue(params.get('overdue')),
  }),
  sortFields: orderSortFields,
  defaultOrder: 'descend',
});
export const readOrderListQuery = orderCodec.read;
export const writeOrderListQuery = orderCodec.write;
export const orderFiltersOf = orderCodec.filtersOf;
export const hasActiveOrderFilters = orderCodec.hasActive;
