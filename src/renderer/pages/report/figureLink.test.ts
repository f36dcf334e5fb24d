import { describe, expect, it } from 'vitest';
import { figureLink, noSourceReason } from './figureLink';

const period = { from: '2026-01-01', to: '2026-03-31' };

describe('figureLink', () => {
  it('leads each list to its page with the filters in the URL', () => {
    expect(figureLink({ list: 'inspections', filters: period })).toMatchObject({ to: '/hazards/inspections?from=2026-01-01&to=2026-03-31' });
    expect(figureLink({ list: 'orders', filters: { ...period, villageId: 3 } })).toMatchObject({ to: '/hazards/orders?from=2026-01-01&to=2026-03-31&villageId=3' });
    expect(figureLink({ list: 'hazards', filters: { ...period, status: '已销号', level: '重大' } })).toMatchObject({
      to: `/hazards?${new URLSearchParams({ from: period.from, level: '重大', status: '已销号', to: period.to }).toString()}`,
    });
    expect(figureLink({ list: 'hazards', filters: { ...period, overdue: true } }).to).toContain('overdue=true');
    expect(figureLink({ list: 'tanks', filters: { category: '四闲场所储罐' } })).toMatchObject({ to: `/tanks?${new URLSearchParams({ category: '四闲场所储罐' }).toString()}` });
    expect(figureLink({ list: 'idleSites', filters: { foundFrom: period.from, foundTo: period.to } })).toMatchObject({ to: '/idle-sites?foundFrom=2026-01-01&foundTo=2026-03-31' });
    expect(figureLink({ list: 'filings', filters: { ...period, kind: '动火' } })).toMatchObject({ to: `/filings/list?${new URLSearchParams({ from: period.from, kind: '动火', to: period.to }).toString()}` });
    expect(figureLink({ list: 'plans', filters: { villageId: 2 } })).toMatchObject({ to: '/plans?villageId=2' });
    expect(figureLink({ list: 'drills', filters: { ...period, form: '实战演练' } })).toMatchObject({ to: `/plans/drills?${new URLSearchParams({ form: '实战演练', from: period.from, to: period.to }).toString()}` });
    expect(figureLink({ list: 'planFilings', filters: period })).toMatchObject({ to: '/plans/filings?from=2026-01-01&to=2026-03-31' });
    expect(figureLink({ list: 'plans', filters: {} })).toMatchObject({ to: '/plans' });
  });

  it('gives no link, and says why, where the list would not show exactly these records', () => {
    expect(figureLink(null)).toEqual({ to: null, reason: noSourceReason });
    // A filter the page does not read (idle sites are filtered by foundFrom/foundTo, not from/to).
    const unknown = figureLink({ list: 'idleSites', filters: period });
    expect(unknown.to).toBeNull();
    if (unknown.to === null) expect(unknown.reason).toContain('from、to');
    // A value the page would drop as malformed.
    expect(figureLink({ list: 'hazards', filters: { status: '不存在的状态' } }).to).toBeNull();
    expect(figureLink({ list: 'hazards', filters: { villageId: 0 } }).to).toBeNull();
  });
});
