import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { In, Out } from '../../../shared/api';
import { workbenchListLimit } from '../../../shared/api/workbench';
import { makeTestBackend } from '../../../../tests/fixtures/backend';
import { filing, open, type Harness } from '../../../../tests/fixtures/registryHarness';

/**
 * An empty town (no demo data) standing at Monday 2026-03-16 08:00 (the harness's moment): every expected number
 * below is counted by hand from the records built here.
 */
const today = '2026-03-16';

function hazard(target: { enterpriseId: number } | { idleSiteId: number }, foundOn: string, deadline: string, level: '一般' | '重大' = '一般') {
  return { ...target, source: '自查' as const, foundOn, deadline, level, place: '罐区', description: `${foundOn} 发现的隐患`, basis: null };
}

describe('workbench.summary on a small town', () => {
  let h: Harness;
  let summary: Out<'workbench.summary'>;
  let east: number;
  let west: number;

  beforeAll(async () => {
    h = await open(300);
    east = await h.village('东山村');
    west = await h.village('西岭村');
    const enterprise = h.enterprise;
    // Risk colours: red 1, yellow 1, blue 1; the deleted orange one is not counted.
    const refinery = await enterprise({ name: '东山石化有限公司', villageId: east, industry: '危化生产', riskLevel: 'red' });
    const plant = await enterprise({ name: '西岭化工厂', villageId: west, industry: '化工', riskLevel: 'yellow' });
    const workshop = await enterprise({ name: '东山五金厂', villageId: east });
    const gone = await enterprise({ name: '已删除的化工厂', villageId: east, industry: '化工', riskLevel: 'orange' });
    await h.call('enterprises.delete', { id: gone.id });

    // One site awaiting disposal, one already sealed, one clean.
    const yard = await h.call('idleSites.create', { name: '东山旧砖厂', kind: '厂房', villageId: east, foundOn: '2026-03-01', finding: '非法储存', disposal: '待处置' });
    await h.call('idleSites.create', { name: '西岭旧仓库', kind: '仓库', villageId: west, foundOn: '2026-03-02', finding: '非法储存', disposal: '贴封条', disposedOn: '2026-03-05' });
    await h.call('idleSites.create', { name: '西岭闲置院落', kind: '院落', villageId: west, foundOn: '2026-03-02' });

    // Tanks: 危化品 在用 1; 一般化工 停用 1; 四闲 在用 1; one removed; one deleted (not counted).
    const tank = (code: string, owner: { enterpriseId: number } | { idleSiteId: number }, extra: Partial<In<'tanks.create'>> = {}) =>
      h.call('tanks.create', { code, registeredOn: '2026-02-01', ...owner, ...extra });
    await tank('T-01', { enterpriseId: refinery.id });
    await tank('C-01', { enterpriseId: plant.id }, { status: '停用' });
    await tank('X-01', { idleSiteId: yard.id });
    await tank('T-02', { enterpriseId: refinery.id }, { status: '已拆除' });
    const deletedTank = await tank('T-03', { enterpriseId: refinery.id });
    await h.call('tanks.delete', { id: deletedTank.id });

    // Hazards. 2025: one, still open and overdue (not in this year's charts). 2026-01: refinery (closed) and plant
    // (重大, open, overdue, on an overdue order). 2026-03: yard (open, not due) and refinery (open, overdue since
    // 03-15). One deleted in March.
    await h.call('hazards.create', hazard({ enterpriseId: refinery.id }, '2025-12-01', '2025-12-31'));
    const closed = await h.call('hazards.create', hazard({ enterpriseId: refinery.id }, '2026-01-10', '2026-02-10'));
    await h.call('hazards.transition', { id: closed.id, action: 'submitForReview', on: '2026-02-01', remark: '已整改' });
    await h.call('hazards.transition', { id: closed.id, action: 'reinspect', passed: true, reinspector: '周敏', on: '2026-02-02' });
    const major = await h.call('hazards.create', hazard({ enterpriseId: plant.id }, '2026-01-20', '2026-02-10', '重大'));
    await h.call('orders.create', { hazardIds: [major.id], issuedOn: '2026-01-21', deadline: '2026-02-10', officers: '王明、李强' });
    await h.call('hazards.create', hazard({ idleSiteId: yard.id }, '2026-03-01', '2026-04-30'));
    // Found on a March inspection of the refinery (1 家次 this month).
    await h.call('inspections.create', {
      enterpriseId: refinery.id,
      inspectedOn: '2026-03-02',
      kind: '日常',
      inspectors: '王明',
      hazards: [{ deadline: '2026-03-15', level: '一般', place: '罐区', description: '报警器未检定', basis: null }],
    });
    const mistaken = await h.call('hazards.create', hazard({ enterpriseId: workshop.id }, '2026-03-05', '2026-04-30'));
    await h.call('hazards.delete', { id: mistaken.id });

    // Works: one today 09–12, one started at 08:00 while still 待审核 (today's and flagged), one next week, one in April.
    await h.call('filings.create', filing(refinery.id, today));
    await h.call('filings.create', filing(plant.id, today, '08:00', '10:00'));
    await h.call('filings.create', filing(refinery.id, '2026-03-23'));
    await h.call('filings.create', filing(workshop.id, '2026-04-10'));

    // A non-listed enterprise's 综合预案 issued 2025-01-15: its yearly drill was due 2026-01-15 (overdue).
    await h.call('plans.create', { ownerType: 'enterprise', enterpriseId: workshop.id, kind: '综合预案', name: '综合应急预案', version: 'V1.0', issuedOn: '2025-01-15' });

    // Drills: one in February (30 people), one this month (45 people).
    const drill = (heldOn: string, participants: number) =>
      h.call('drills.create', { ownerType: 'village', villageId: east, name: `${heldOn} 演练`, heldOn, scope: '综合演练', form: '实战演练', organiser: '东山村委会', participants });
    await drill('2026-02-10', 30);
    await drill('2026-03-10', 45);

    summary = await h.call('workbench.summary', {});
  });
  afterAll(() => h.backend.dispose());

  it('counts what needs attention today through the filters of the lists it links to', async () => {
    expect(summary.today).toBe(today);
    expect(summary.year).toBe(2026);
    expect(summary.attention).toEqual({
      worksToday: 2,
      worksFlagged: 1,
      hazardsOverdue: 3,
      majorHazardsOverdue: 1,
      ordersOpen: 1,
      ordersOverdue: 1,
      plansOverdue: 1,
      remindersDueSoon: 0,
      remindersByKind: { filing: 0, filingCheck: 0, evaluation: 0, drill: 1 },
      idleSitesPending: 1,
    });
    // The linked lists show the same totals.
    expect((await h.call('hazards.list', { overdue: true })).total).toBe(summary.attention.hazardsOverdue);
    expect((await h.call('filings.list', { flagged: true })).total).toBe(summary.attention.worksFlagged);
    expect((await h.call('idleSites.list', { disposal: '待处置' })).total).toBe(summary.attention.idleSitesPending);
    expect((await h.call('plans.list', { due: 'overdue' })).total).toBe(summary.attention.plansOverdue);
    expect((await h.call('orders.list', { open: true })).total).toBe(summary.attention.ordersOpen);
    expect((await h.call('orders.list', { overdue: true })).total).toBe(summary.attention.ordersOverdue);

    expect(summary.worksToday.map((row) => [row.enterpriseName, row.plannedStart])).toEqual([
      ['西岭化工厂', `${today} 08:00`],
      ['东山石化有限公司', `${today} 09:00`],
    ]);
    expect(summary.worksFlagged.map((row) => row.enterpriseName)).toEqual(['西岭化工厂']);
    expect(summary.reminders).toHaveLength(1);
    expect(summary.reminders[0]).toMatchObject({ kind: 'drill', state: 'overdue', dueOn: '2026-01-15', planName: '综合应急预案' });
  });

  it('reports a town that has never backed up as stale', () => {
    expect(summary.backup).toEqual({ lastRemovableAt: null, lastLocalAt: null, removableStale: true, usbWarnDays: expect.any(Number) });
  });

  it("gives this month's and this year's key figures", () => {
    expect(summary.month).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      inspections: 1,
      enterprisesChecked: 1,
      orders: 0,
      hazardsFound: 2,
      hazardsRectified: 0,
      rectificationRate: 0,
      filings: 3,
      drills: 1,
      drillParticipants: 45,
    });
    expect(summary.yearToDate).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      inspections: 1,
      enterprisesChecked: 1,
      orders: 1,
      hazardsFound: 4,
      hazardsRectified: 1,
      rectificationRate: 25,
      filings: 4,
      drills: 2,
      drillParticipants: 75,
    });
  });

  it("draws the year's charts from grouped counts", () => {
    const { charts } = summary;
    expect(charts.hazardsByMonth).toEqual({ found: [2, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0], rectified: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(charts.enterprisesByRisk).toEqual({ red: 1, orange: 0, yellow: 1, blue: 1 });
    const zero = { 在用: 0, 停用: 0, 闲置: 0, 已清空: 0, 已拆除: 0 };
    expect(charts.tanks).toEqual({
      byCategory: [
        { category: '危化品企业储罐', byStatus: { ...zero, 在用: 1 } },
        { category: '一般化工企业储罐', byStatus: { ...zero, 停用: 1 } },
        { category: '四闲场所储罐', byStatus: { ...zero, 在用: 1 } },
      ],
      removed: 1,
    });
    expect(charts.filingsByKindByMonth).toEqual([{ kind: '受限空间', months: [0, 0, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0], total: 4 }]);
    // 西岭村: the plant's 重大 hazard, open (0%); 东山村: refinery ×2 and the yard, one closed (33.3%). Lowest first.
    expect(charts.villageRates).toEqual([
      { villageId: west, villageName: '西岭村', found: 1, rectified: 0, rate: 0 },
      { villageId: east, villageName: '东山村', found: 3, rectified: 1, rate: 33.3 },
    ]);
  });
});

describe('workbench.summary on the demo town', () => {
  it("counts overdue plans as the register's 已逾期 filter and reminders as the reminders page, from one pass", async () => {
    const backend = await makeTestBackend({ loadDemo: true });
    try {
      // The demo holds what tells the two rules apart: an overdue plan that is 已废止 (counted by the register's
      // filter, silent in the reminders).
      const abolishedOverdue = await backend.call('plans.list', { due: 'overdue', status: '已废止', page: 1, pageSize: 1 });
      expect(abolishedOverdue.total).toBeGreaterThan(0);

      const summary = await backend.call('workbench.summary', {});
      const overdue = await backend.call('plans.list', { due: 'overdue', page: 1, pageSize: 1 });
      expect(summary.attention.plansOverdue).toBe(overdue.total);
      const reminders = (await backend.call('plans.reminders', { days: 30 })).items;
      expect(reminders.some((item) => item.kind === 'filingCheck')).toBe(true);
      expect(summary.reminders).toEqual(reminders.slice(0, workbenchListLimit));
      expect(summary.attention.remindersDueSoon).toBe(reminders.filter((item) => item.state === 'due').length);
      for (const [kind, count] of Object.entries(summary.attention.remindersByKind)) {
        expect(count, kind).toBe(reminders.filter((item) => item.kind === kind).length);
      }
    } finally {
      backend.dispose();
    }
  });
});

describe('workbench.summary on a fresh town', () => {
  it('answers zeros and empty series, not errors', async () => {
    const backend = await makeTestBackend();
    try {
      const summary = await backend.call('workbench.summary', {});
      expect(Object.values(summary.attention).filter((value) => typeof value === 'number' && value !== 0)).toEqual([]);
      expect(summary.worksToday).toEqual([]);
      expect(summary.reminders).toEqual([]);
      expect(summary.yearToDate).toMatchObject({ hazardsFound: 0, rectificationRate: null, filings: 0, drills: 0 });
      expect(summary.charts.hazardsByMonth.found.every((n) => n === 0)).toBe(true);
      expect(summary.charts.filingsByKindByMonth).toEqual([]);
      expect(summary.charts.villageRates).toEqual([]);
    } finally {
      backend.dispose();
    }
  });

  it('is open to every signed-in role and refused without a session', async () => {
    const backend = await makeTestBackend();
    try {
      const reader = await backend.loginAs('readonly');
      await expect(backend.call('workbench.summary', {}, reader)).resolves.toMatchObject({ today: expect.any(String) });
      const anonymous = await backend.dispatch('workbench.summary', {}, null);
      expect(anonymous.ok).toBe(false);
    } finally {
      backend.dispose();
    }
  });
});
