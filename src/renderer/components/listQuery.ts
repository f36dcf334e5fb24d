import type { SortOrder } from '../../shared/api/common';

/**
 * A register's state lives in the URL query string (`#/tanks?status=停用&page=2`): the back button, a reload, the
 * detail page's 返回 link and the print view all see the same filters. Each register says how to read its own
 * filters; paging, sort and writing are the same for all. Anything malformed in the URL is dropped rather than
 * sent to the API.
 */
export const pageSizes = [10, 20, 50, 100];

export function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((value) => value === raw);
}

/** A URL's id or count; anything else (text, fractions, ids too large to be exact) is dropped as malformed. */
export function positiveInt(raw: string | null): number | undefined {
  const value = Number(raw);
  return raw && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

export function flag(raw: string | null): boolean | undefined {
  return raw === 'true' ? true : raw === 'false' ? false : undefined;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function isoDate(raw: string | null): string | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const parsed = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(raw) ? raw : undefined;
}

/** A URL's `from`/`to` dates; swapped ends (a hand-edited address) still mean that period. */
export function dateRange(params: URLSearchParams): { from?: string; to?: string } {
  let from = isoDate(params.get('from'));
  let to = isoDate(params.get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  return { from, to };
}

/** The search text of a URL, trimmed and bounded as the API takes it. */
export function searchText(params: URLSearchParams): string | undefined {
  return params.get('q')?.trim().slice(0, 50) || undefined;
}

/** A register's filters plus its page, page size and sort. */
export type ListQuery<F, S extends string> = F & { page: number; pageSize: number; sortField?: S; sortOrder?: SortOrder };

/** Reads and writes one register's list state; see the module comment. */
export function listQueryCodec<F extends object, S extends string>(spec: {
  filterKeys: readonly (keyof F & string)[];
  readFilters: (params: URLSearchParams) => F;
  sortFields: readonly S[];
  /** The order a sorted column takes when the URL does not say. */
  defaultOrder: SortOrder;
}) {
  const other: SortOrder = spec.defaultOrder === 'ascend' ? 'descend' : 'ascend';
  const valueOf = (source: object, key: string) => (source as Record<string, unknown>)[key];

  function read(params: URLSearchParams): ListQuery<F, S> {
    const pageSize = positiveInt(params.get('pageSize'));
    const sortField = oneOf(spec.sortFields, params.get('sort'));
    return {
      ...spec.readFilters(params),
      page: positiveInt(params.get('page')) ?? 1,
      pageSize: pageSize && pageSizes.includes(pageSize) ? pageSize : 20,
      sortField,
      sortOrder: sortField ? (params.get('order') === other ? other : spec.defaultOrder) : undefined,
    };
  }

  /** The query string for a list state; defaults are left out so plain URLs stay plain. */
  function write(query: ListQuery<F, S>): URLSearchParams {
    const params = new URLSearchParams();
    for (const key of spec.filterKeys) {
      const value = valueOf(query, key);
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    if (query.page && query.page > 1) params.set('page', String(query.page));
    if (query.pageSize && query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
    if (query.sortField) {
      params.set('sort', query.sortField);
      params.set('order', query.sortOrder ?? spec.defaultOrder);
    }
    return params;
  }

  /** The filters alone (no paging or sort), as summaries, prints and exports of the same rows take them. */
  function filtersOf(query: ListQuery<F, S>): F {
    return Object.fromEntries(spec.filterKeys.map((key) => [key, valueOf(query, key)]).filter(([, value]) => value !== undefined)) as F;
  }

  function hasActive(filters: F): boolean {
    return spec.filterKeys.some((key) => valueOf(filters, key) !== undefined);
  }

  return { read, write, filtersOf, hasActive };
}
