import { tankSortFields, type TankFilters } from '../../../shared/api/tanks';
import { tankCategories, tankStatuses } from '../../../shared/domain/tank';
import { flag, listQueryCodec, oneOf, positiveInt, searchText, type ListQuery } from '../../components/listQuery';

/** The tank list's state in its URL (`#/tanks?status=停用&publicLabel=false`); see `listQueryCodec`. */
export type TankListQuery = ListQuery<TankFilters, (typeof tankSortFields)[number]>;

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

export function readTankFilters(params: URLSearchParams): TankFilters {
  const enterpriseId = positiveInt(params.get('enterpriseId'));
  return {
    q: searchText(params),
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

const codec = listQueryCodec({ filterKeys: tankFilterKeys, readFilters: readTankFilters, sortFields: tankSortFields, defaultOrder: 'ascend' });
export const readTankListQuery = codec.read;
export const writeTankListQuery = codec.write;
export const hasActiveTankFilters = codec.hasActive;
/** The filters alone (no paging or sort), as the summary and other views of the same tanks take them. */
export const tankFiltersOf = codec.filtersOf;

/** Where the detail page's back link returns to when it was not opened from the list (e.g. after a reload). */
export const lastTankListSearchKey = 'anjian.tanks.listSearch';
