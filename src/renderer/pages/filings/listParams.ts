import { filingSortFields, type FilingFilters } from '../../../shared/api/filings';
import { filingStatuses, specialWorkKinds } from '../../../shared/domain/specialWork';
import { dateRange, listQueryCodec, oneOf, positiveInt, searchText, type ListQuery } from '../../components/listQuery';

/** The filing register's state in its URL (`#/filings/list?kind=动火&from=2026-11-01`); see `listQueryCodec`. */
export type FilingListQuery = ListQuery<FilingFilters, (typeof filingSortFields)[number]>;

export const filingFilterKeys = ['q', 'kind', 'status', 'enterpriseId', 'villageId', 'tankId', 'from', 'to', 'flagged'] as const satisfies readonly (keyof FilingFilters)[];

export function readFilingFilters(params: URLSearchParams): FilingFilters {
  const { from, to } = dateRange(params);
  return {
    q: searchText(params),
    kind: oneOf(specialWorkKinds, params.get('kind')),
    status: oneOf(filingStatuses, params.get('status')),
    enterpriseId: positiveInt(params.get('enterpriseId')),
    villageId: positiveInt(params.get('villageId')),
    tankId: positiveInt(params.get('tankId')),
    from,
    to,
    flagged: params.get('flagged') === 'true' ? true : undefined,
  };
}

const codec = listQueryCodec({ filterKeys: filingFilterKeys, readFilters: readFilingFilters, sortFields: filingSortFields, defaultOrder: 'descend' });
export const readFilingListQuery = codec.read;
export const writeFilingListQuery = codec.write;
export const filingFiltersOf = codec.filtersOf;
export const hasActiveFilingFilters = codec.hasActive;

export const lastFilingListSearchKey = 'anjian.filings.listSearch';
