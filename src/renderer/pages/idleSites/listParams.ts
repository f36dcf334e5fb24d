import type { In } from '../../../shared/api';
import { idleSiteSortFields, type IdleSiteFilters } from '../../../shared/api/idleSites';
import { idleSiteDisposals, idleSiteFindings, idleSiteKinds } from '../../../shared/domain/idleSite';
import { positiveInt } from '../enterprises/listParams';

/**
 * The idle-site list's state lives in the URL (`#/idle-sites?finding=非法储存&villageId=3`), so the back button,
 * a reload and the detail page's back link all see the same filters. Anything malformed is dropped, not sent.
 */
export type IdleSiteListQuery = In<'idleSites.list'> & { page: number; pageSize: number };

export const filterKeys = ['q', 'villageId', 'kind', 'finding', 'disposal', 'foundFrom', 'foundTo'] as const satisfies readonly (keyof IdleSiteFilters)[];

export const pageSizes = [10, 20, 50, 100];

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((value) => value === raw);
}

/** A `YYYY-MM-DD` that names a real day, else nothing. */
function date(raw: string | null): string | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const parsed = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(raw) ? raw : undefined;
}

export function readIdleSiteFilters(params: URLSearchParams): IdleSiteFilters {
  const q = params.get('q')?.trim().slice(0, 50);
  let foundFrom = date(params.get('foundFrom'));
  let foundTo = date(params.get('foundTo'));
  // A hand-edited URL with the ends swapped still means that period.
  if (foundFrom && foundTo && foundFrom > foundTo) [foundFrom, foundTo] = [foundTo, foundFrom];
  return {
    q: q || undefined,
    villageId: positiveInt(params.get('villageId')),
    kind: oneOf(idleSiteKinds, params.get('kind')),
    finding: oneOf(idleSiteFindings, params.get('finding')),
    disposal: oneOf(idleSiteDisposals, params.get('disposal')),
    foundFrom,
    foundTo,
  };
}

export function readIdleSiteListQuery(params: URLSearchParams): IdleSiteListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  const sortField = oneOf(idleSiteSortFields, params.get('sort'));
  return {
    ...readIdleSiteFilters(params),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && pageSizes.includes(pageSize) ? pageSize : 20,
    sortField,
    sortOrder: sortField ? (params.get('order') === 'ascend' ? 'ascend' : 'descend') : undefined,
  };
}

/** The query string for a list state; defaults are left out so plain URLs stay plain. */
export function writeIdleSiteListQuery(query: IdleSiteListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
  if (query.sortField) {
    params.set('sort', query.sortField);
    params.set('order', query.sortOrder ?? 'descend');
  }
  return params;
}

export function hasActiveFilters(filters: IdleSiteFilters): boolean {
  return filterKeys.some((key) => filters[key] !== undefined);
}
