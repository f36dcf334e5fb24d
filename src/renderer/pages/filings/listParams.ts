import type { In } from '../../../shared/api';
import { filingSortFields, type FilingFilters } from '../../../shared/api/filings';
import { filingStatuses, specialWorkKinds } from '../../../shared/domain/specialWork';
import { pageSizes, positiveInt } from '../enterprises/listParams';

/**
 * The filing register's state lives in the URL (`#/filings/list?kind=动火&from=2026-11-01`), as the other
 * lists' do; anything malformed is dropped rather than sent to the API.
 */
export type FilingListQuery = In<'filings.list'> & { page: number; pageSize: number };

export const filingFilterKeys = ['q', 'kind', 'status', 'enterpriseId', 'villageId', 'tankId', 'from', 'to', 'flagged'] as const satisfies readonly (keyof FilingFilters)[];

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((value) => value === raw);
}

function date(raw: string | null): string | undefined {
  return raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined;
}

export function readFilingFilters(params: URLSearchParams): FilingFilters {
  const q = params.get('q')?.trim().slice(0, 50);
  return {
    q: q || undefined,
    kind: oneOf(specialWorkKinds, params.get('kind')),
    status: oneOf(filingStatuses, params.get('status')),
    enterpriseId: positiveInt(params.get('enterpriseId')),
    villageId: positiveInt(params.get('villageId')),
    tankId: positiveInt(params.get('tankId')),
    from: date(params.get('from')),
    to: date(params.get('to')),
    flagged: params.get('flagged') === 'true' ? true : undefined,
  };
}

export function readFilingListQuery(params: URLSearchParams): FilingListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  const sortField = oneOf(filingSortFields, params.get('sort'));
  return {
    ...readFilingFilters(params),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && pageSizes.includes(pageSize) ? pageSize : 20,
    sortField,
    sortOrder: sortField ? (params.get('order') === 'ascend' ? 'ascend' : 'descend') : undefined,
  };
}

export function writeFilingListQuery(query: FilingListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filingFilterKeys) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.pageSize && query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
  if (query.sortField) {
    params.set('sort', query.sortField);
    params.set('order', query.sortOrder ?? 'descend');
  }
  return params;
}

export function filingFiltersOf(query: FilingListQuery): FilingFilters {
  return Object.fromEntries(filingFilterKeys.map((key) => [key, query[key]]).filter(([, value]) => value !== undefined)) as FilingFilters;
}

export function hasActiveFilingFilters(filters: FilingFilters): boolean {
  return filingFilterKeys.some((key) => filters[key] !== undefined);
}

export const lastFilingListSearchKey = 'anjian.filings.listSearch';
