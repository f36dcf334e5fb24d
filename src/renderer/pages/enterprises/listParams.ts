import type { In } from '../../../shared/api';
import { enterpriseSortFields, type EnterpriseFilters } from '../../../shared/api/enterprises';
import { enterpriseStatuses, industries, riskLevels, standardizationLevels } from '../../../shared/domain/enterprise';

/**
 * The enterprise list's state lives in the URL query string (`#/enterprises?riskLevel=red&villageId=3`), so
 * the back button, a reload and a later print/export view all see the same filters. These functions are the
 * one place that reads and writes it; anything malformed in the URL is ignored rather than sent to the API.
 */
export type EnterpriseListQuery = In<'enterprises.list'> & { page: number; pageSize: number };

export const filterKeys = [
  'q',
  'villageId',
  'industry',
  'riskLevel',
  'status',
  'keySupervised',
  'standardization',
  'majorHazard',
  'gridWorkerId',
] as const satisfies readonly (keyof EnterpriseFilters)[];

const pageSizes = [10, 20, 50, 100];

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((value) => value === raw);
}

/** A URL's id or count; anything else (text, fractions, ids too large to be exact) is dropped as malformed. */
export function positiveInt(raw: string | null): number | undefined {
  const value = Number(raw);
  return raw && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function flag(raw: string | null): boolean | undefined {
  return raw === 'true' ? true : raw === 'false' ? false : undefined;
}

export function readEnterpriseFilters(params: URLSearchParams): EnterpriseFilters {
  const q = params.get('q')?.trim().slice(0, 50);
  return {
    q: q || undefined,
    villageId: positiveInt(params.get('villageId')),
    industry: oneOf(industries, params.get('industry')),
    riskLevel: oneOf(riskLevels, params.get('riskLevel')),
    status: oneOf(enterpriseStatuses, params.get('status')),
    keySupervised: flag(params.get('keySupervised')),
    standardization: oneOf(standardizationLevels, params.get('standardization')),
    majorHazard: flag(params.get('majorHazard')),
    gridWorkerId: positiveInt(params.get('gridWorkerId')),
  };
}

export function readEnterpriseListQuery(params: URLSearchParams): EnterpriseListQuery {
  const pageSize = positiveInt(params.get('pageSize'));
  const sortField = oneOf(enterpriseSortFields, params.get('sort'));
  return {
    ...readEnterpriseFilters(params),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && pageSizes.includes(pageSize) ? pageSize : 20,
    sortField,
    sortOrder: sortField ? (params.get('order') === 'ascend' ? 'ascend' : 'descend') : undefined,
  };
}

/** The query string for a list state; defaults are left out so plain URLs stay plain. */
export function writeEnterpriseListQuery(query: EnterpriseListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
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

export function hasActiveFilters(filters: EnterpriseFilters): boolean {
  return filterKeys.some((key) => filters[key] !== undefined);
}

export { pageSizes };
