import { idleSiteSortFields, type IdleSiteFilters } from '../../../shared/api/idleSites';
import { idleSiteDisposals, idleSiteFindings, idleSiteKinds } from '../../../shared/domain/idleSite';
import { isoDate, listQueryCodec, oneOf, positiveInt, searchText, type ListQuery } from '../../components/listQuery';

/** The idle-site list's state in its URL (`#/idle-sites?finding=非法储存&villageId=3`); see `listQueryCodec`. */
export type IdleSiteListQuery = ListQuery<IdleSiteFilters, (typeof idleSiteSortFields)[number]>;

export const filterKeys = ['q', 'villageId', 'kind', 'finding', 'disposal', 'foundFrom', 'foundTo'] as const satisfies readonly (keyof IdleSiteFilters)[];

export function readIdleSiteFilters(params: URLSearchParams): IdleSiteFilters {
  let foundFrom = isoDate(params.get('foundFrom'));
  let foundTo = isoDate(params.get('foundTo'));
  // A hand-edited URL with the ends swapped still means that period.
  if (foundFrom && foundTo && foundFrom > foundTo) [foundFrom, foundTo] = [foundTo, foundFrom];
  return {
    q: searchText(params),
    villageId: positiveInt(params.get('villageId')),
    kind: oneOf(idleSiteKinds, params.get('kind')),
    finding: oneOf(idleSiteFindings, params.get('finding')),
    disposal: oneOf(idleSiteDisposals, params.get('disposal')),
    foundFrom,
    foundTo,
  };
}

const codec = listQueryCodec({ filterKeys, readFilters: readIdleSiteFilters, sortFields: idleSiteSortFields, defaultOrder: 'descend' });
export const readIdleSiteListQuery = codec.read;
export const writeIdleSiteListQuery = codec.write;
export const hasActiveFilters = codec.hasActive;
