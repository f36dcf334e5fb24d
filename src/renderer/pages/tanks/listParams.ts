import type { In } from '../../../shared/api';
import { tankSortFields, type TankFilters } from '../../../shared/api/tanks';
import { tankCategories, tankStatuses } from '../../../shared/domain/tank';
import { pageSizes, positiveInt } from '../enterprises/listParams';

/**
 * The tank list's state lives in the URL query string (`#/tanks?status=停用&publicLabel=false`), as the
 * enterprise list's does: the back button, a reload and the detail page's 返回 link all see the same filters.
 * Anything malformed in the URL is dropped rather than sent to the API.
 */
export type TankListQuery = In<'tanks.list'> & { page: number; pageSize: number };

export const tankFilterKeys = [
  'q',
  'category',
  'status',
  'villageId',
  'enterpriseId',
  'idleSiteId',
  'publicLabel',
  'hasResponsible',
] as const satisfies readonly (keyof TankFilters)[];

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((value) => value === raw);
}

function flag(raw: string | null): boolean | undefined {
  return raw === 'true' ? true : raw === 'false' ? false : undefined;
}

export function readTankFilters(params: URLSearchParams): TankFilters {
  const q = params.get('q')?.trim().slice(0, 50);
  const enterpriseId = positiveInt(params.get('enterpriseId'));
  return {
    q: q || undefined,
    category: oneOf(tankCategories, params.get('category')),
    status: oneOf(tankStatuses, params.get('status')),
    villageId: positiveInt(params.get('villageId')),
    enterpriseId,
    // A tank has one owner: a URL naming both kinds keeps the enterprise.
    idleSiteId: enterpriseId ? undefined : positiveInt(params.get('idleSiteId')),
    publicLabel: flag(params.get('publicLabel')),
    hasResponsible: flag(params.get('hasResponsible')),
  };
}

export function readTankListQuery(params: URLSearchParams): TankListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  const sortField = oneOf(tankSortFields, params.get('sort'));
  return {
    ...readTankFilters(params),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && pageSizes.includes(pageSize) ? pageSize : 20,
    sortField,
    sortOrder: sortField ? (params.get('order') === 'descend' ? 'descend' : 'ascend') : undefined,
  };
}

/** The query string for a list state; defaults are left out so plain URLs stay plain. */
export function writeTankListQuery(query: TankListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of tankFilterKeys) {
    const value = query[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.pageSize && query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
  if (query.sortField) {
    params.set('sort', query.sortField);
    params.set('order', query.sortOrder ?? 'ascend');
  }
  return params;
}

export function hasActiveTankFilters(filters: TankFilters): boolean {
  return tankFilterKeys.some((key) => filters[key] !== undefined);
}

/** The filters alone (no paging or sort), as the summary and other views of the same tanks take them. */
export function tankFiltersOf(query: TankListQuery): TankFilters {
  return Object.fromEntries(tankFilterKeys.map((key) => [key, query[key]]).filter(([, value]) => value !== undefined)) as TankFilters;
}

/** Where the detail page's back link returns to when it was not opened from the list (e.g. after a reload). */
export const lastTankListSearchKey = 'anjian.tanks.listSearch';
