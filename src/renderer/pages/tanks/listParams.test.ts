import { describe, expect, it } from 'vitest';
import { hasActiveTankFilters, readTankListQuery, tankFiltersOf, writeTankListQuery } from './listParams';

describe('tank list URL state', () => {
  it('round-trips filters, paging and sort; defaults stay out of the URL', () => {
    const query = readTankListQuery(
      new URLSearchParams('q=T-0&category=四闲场所储罐&status=停用&villageId=3&publicLabel=false&hasResponsible=false&page=2&pageSize=50&sort=code&order=descend'),
    );
    expect(query).toEqual({
      q: 'T-0',
      category: '四闲场所储罐',
      status: '停用',
      villageId: 3,
      enterpriseId: undefined,
      idleSiteId: undefined,
      publicLabel: false,
      hasResponsible: false,
      page: 2,
      pageSize: 50,
      sortField: 'code',
      sortOrder: 'descend',
    });
    expect(readTankListQuery(writeTankListQuery(query))).toEqual(query);
    expect(writeTankListQuery(readTankListQuery(new URLSearchParams(''))).toString()).toBe('');
  });

  it('drops what the API would refuse: unknown enums, bad ids, odd page sizes, two owners', () => {
    const query = readTankListQuery(new URLSearchParams('category=储罐&status=报废&villageId=abc&pageSize=33&sort=medium&enterpriseId=5&idleSiteId=7&publicLabel=yes'));
    expect(query).toMatchObject({ category: undefined, status: undefined, villageId: undefined, pageSize: 20, sortField: undefined, publicLabel: undefined });
    // A tank has one owner: the enterprise wins.
    expect(query).toMatchObject({ enterpriseId: 5, idleSiteId: undefined });
  });

  it('the summary gets the filters alone; reset knows when anything is filtered', () => {
    const query = readTankListQuery(new URLSearchParams('hasResponsible=false&page=3&sort=status&order=ascend'));
    expect(tankFiltersOf(query)).toEqual({ hasResponsible: false });
    expect(hasActiveTankFilters(tankFiltersOf(query))).toBe(true);
    expect(hasActiveTankFilters(tankFiltersOf(readTankListQuery(new URLSearchParams('page=2'))))).toBe(false);
  });
});
