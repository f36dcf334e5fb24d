import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';

let backend: TestBackend;
let enterpriseId: number;

/** A 2027 schedule as an administrator would type it from a (hypothetical) notice. */
const schedule2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
  ],
  workdays: ['2027-10-09'],
};

/** A 二级 动火 on 2027-10-04 (a Monday), 09:00–12:00, with every document it needs at 一级. */
const hotWork = () => ({
  enterpriseId,
  kind: '动火' as const,
  grade: '二级',
  place: '一号罐区',
  content: '管线焊接',
  plannedStart: '2027-10-04 09:00',
  plannedEnd: '2027-10-04 12:00',
  leaderName: '陈志强',
  guardianName: '黄惠玲',
  documents: ['施工方案', '施工资质', '应急处置措施', '作业许可证', '气体分析记录'] as ('施工方案' | '施工资质' | '应急处置措施' | '作业许可证' | '气体分析记录')[],
});

beforeAll(async () => {
  backend = await makeTestBackend();
  const villageId = (await backend.call('villages.create', { name: '东山村', kind: '村' })).id;
  enterpriseId = (await backend.call('enterprises.create', { name: '节假日测试化工公司', uscc: '914419000000002018', villageId, industry: '化工', riskLevel: 'orange' })).id;
});
afterAll(() => backend.dispose());

describe('holiday schedules', () => {
  it('list the shipped official years, which cannot be changed', async () => {
    const list = await backend.call('holidays.list', {});
    expect(list.map((entry) => [entry.year, entry.official])).toEqual([
      [2025, true],
      [2026, true],
    ]);
    expect(await backend.dispatch('holidays.save', { ...schedule2027, year: 2026 }, backend.adminToken)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fieldErrors: { year: expect.stringContaining('不能修改') } },
    });
  });

  it('a year entered by the administrator drives the filing rules', async () => {
    // Before: 2027-10-04 is a plain Monday.
    expect((await backend.call('filings.check', hotWork())).warnings).toEqual([]);
    const saved = await backend.call('holidays.save', schedule2027);
    expect(saved.holidays.map((holiday) => holiday.name)).toEqual(['元旦', '国庆节']);
    const check = await backend.call('filings.check', hotWork());
    expect(check.managedGrade).toBe('一级');
    expect(check.warnings[0].message).toContain('国庆节（2027-10-04）');
    expect((await backend.call('filings.board', { date: '2027-10-09' })).today.dayNote).toBeNull(); // 调休上班 Saturday
    expect((await backend.call('filings.board', { date: '2027-10-02' })).today.dayNote).toBe('国庆节');
    expect((await backend.call('holidays.list', {})).map((entry) => [entry.year, entry.official])).toContainEqual([2027, false]);

    await backend.call('holidays.delete', { year: 2027 });
    expect((await backend.call('filings.check', hotWork())).warnings).toEqual([]);
  });

  it('refuses schedules that cannot be right, naming the field', async () => {
    const refused = async (change: Partial<typeof schedule2027>) => (await backend.dispatch('holidays.save', { ...schedule2027, ...change }, backend.adminToken)) as { ok: boolean; error?: { fieldErrors?: Record<string, string> } };
    expect((await refused({ holidays: [{ name: '国庆节', from: '2027-10-07', to: '2027-10-01' }] })).error?.fieldErrors?.['holidays.0.to']).toContain('不能早于');
    expect((await refused({ holidays: [{ name: '国庆节', from: '2027-10-01', to: '2027-10-07' }, { name: '中秋节', from: '2027-10-05', to: '2027-10-08' }] })).error?.fieldErrors?.['holidays.1.from']).toContain('重叠');
    expect((await refused({ workdays: ['2027-10-08'] })).error?.fieldErrors?.workdays).toContain('不是周六或周日');
    expect((await refused({ workdays: ['2027-10-03'] })).error?.fieldErrors?.workdays).toContain('在国庆节假期内');
    expect((await refused({ holidays: [{ name: '春节', from: '2028-02-01', to: '2028-02-03' }] })).error?.fieldErrors?.['holidays.0.from']).toContain('不在 2027 年');
    expect((await backend.call('holidays.list', {})).map((entry) => entry.year)).toEqual([2025, 2026]);
  });

  it('only an administrator may change them; everyone may read them', async () => {
    const staff = await backend.loginAs('staff', 'holiday-staff');
    expect(await backend.dispatch('holidays.save', schedule2027, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.dispatch('holidays.list', {}, staff)).toMatchObject({ ok: true });
  });
});
