import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import type { ApiName, In, Out } from '../../../shared/api';
import type { Hazard } from '../../../shared/api/hazards';
import { hazardStatuses, nextHazardStatus, type HazardAction, type HazardStatus } from '../../../shared/domain/hazard';
import { addDays } from '../../../shared/domain/holidays';
import { localToday } from '../../api/context';

let backend: TestBackend;
let today: string;
/** The last 12 months, both ends included: the demo's year. */
let from: string;
/** The demo's hazard rows as generated, before any test writes (for the determinism check). */
let generated: unknown[][];

const demoTables = ['inspections', 'rectification_orders', 'hazards', 'hazard_events', 'sequences'];
const dump = (target: TestBackend) => demoTables.map((table) => target.ctx.appDb.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());

async function call<N extends ApiName>(name: N, input: In<N>): Promise<Out<N>> {
  return backend.call(name, input);
}

/** Every hazard under the filters, through the API, page by page. */
async function allHazards(filters: In<'hazards.list'> = {}): Promise<Hazard[]> {
  const rows: Hazard[] = [];
  for (let page = 1; ; page += 1) {
    const result = await call('hazards.list', { ...filters, page, pageSize: 500 });
    rows.push(...result.items);
    if (rows.length >= result.total || result.items.length === 0) return rows;
  }
}

beforeAll(async () => {
  backend = await makeTestBackend({ loadDemo: true });
  today = localToday(backend.ctx);
  from = addDays(today, -364);
  generated = dump(backend);
});
afterAll(() => backend.dispose());

describe('demo inspections, hazards and orders (small scale)', () => {
  it('reads like the seeds for the last 12 months: visits, orders, hazards found and rectified at about 90%, some major', async () => {
    const stats = await call('hazards.statistics', { from, to: today });
    expect(stats.inspections).toBeGreaterThan(350);
    expect(stats.inspections).toBeLessThan(750);
    expect(stats.enterprisesChecked).toBeGreaterThan(150);
    expect(stats.idleSitesChecked).toBeGreaterThan(0);
    expect(stats.orders).toBeGreaterThan(0);
    expect(stats.found).toBeGreaterThan(2000);
    expect(stats.found).toBeLessThan(4000);
    expect(stats.found).toBeGreaterThan(stats.rectified);
    expect(stats.rectified).toBeGreaterThan(0);
    expect(stats.rate).toBeGreaterThan(80);
    expect(stats.rate).toBeLessThan(97);
    expect(stats.majorFound).toBeGreaterThan(0);
    expect(stats.majorFound / stats.found).toBeGreaterThan(0.01);
    expect(stats.majorFound / stats.found).toBeLessThan(0.05);
    expect(stats.majorClosed).toBeLessThan(stats.majorFound);
    expect(stats.sentence).toMatch(/共检查企业\d+家次.*下达责令限期整改指令书\d+份，查出问题隐患\d+条，已整改\d+条，整改率[\d.]+%/);
    // Everything lies in the year ending today.
    const all = await call('hazards.list', { pageSize: 1 });
    expect(all.total).toBe(stats.found);
  });

  it('has visits of every kind, the risky and key-supervised enterprises more often', async () => {
    const { sqlite } = backend.ctx.appDb;
    const kinds = sqlite.prepare('SELECT kind, count(*) AS n FROM inspections GROUP BY kind').all() as { kind: string; n: number }[];
    const share = Object.fromEntries(kinds.map(({ kind, n }) => [kind, n / kinds.reduce((sum, row) => sum + row.n, 0)]));
    for (const kind of ['日常', '专项', '执法', '专家', '督导']) expect(share[kind], kind).toBeGreaterThan(0.02);
    expect(share['日常']).toBeGreaterThan(share['专家']);
    const visitsPerFirm = (risky: boolean) => {
      const condition = `e.status = '在产' AND ${risky ? '' : 'NOT '}(e.key_supervised = 1 OR e.risk_level IN ('red', 'orange'))`;
      const firms = sqlite.prepare(`SELECT count(*) FROM enterprises e WHERE ${condition}`).pluck().get() as number;
      const visits = sqlite.prepare(`SELECT count(*) FROM inspections i JOIN enterprises e ON e.id = i.enterprise_id WHERE ${condition}`).pluck().get() as number;
      return visits / firms;
    };
    expect(visitsPerFirm(true)).toBeGreaterThan(1.5 * visitsPerFirm(false));
    // Inspections are entered with the hazards they found (0–8 at an enterprise).
    const most = sqlite.prepare('SELECT max(n) FROM (SELECT count(*) AS n FROM hazards WHERE inspection_id IS NOT NULL GROUP BY inspection_id)').pluck().get() as number;
    expect(most).toBeLessThanOrEqual(8);
  });

  it('closes a hazard only after a passed re-inspection, with its dates in order and a history row for each step', async () => {
    const closed = await allHazards({ status: '已销号' });
    expect(closed.length).toBeGreaterThan(1000);
    for (const hazard of closed) {
      expect(hazard.reinspectionPassed, hazard.number).toBe(true);
      expect(hazard.rectifiedOn! >= hazard.foundOn, hazard.number).toBe(true);
      expect(hazard.closedOn! >= hazard.rectifiedOn!, hazard.number).toBe(true);
      expect(hazard.closedOn).toBe(hazard.reinspectedOn);
      expect(hazard.closedOn! <= today).toBe(true);
      expect(hazard.reinspector).toBeTruthy();
    }
    // Each step of a sample, through the history the detail page shows.
    const sample = closed.filter((_, index) => index % 50 === 0);
    for (const hazard of sample) {
      const history = await call('hazards.history', { id: hazard.id });
      expect(history[0]).toMatchObject({ action: 'create', toStatus: '待整改', on: hazard.foundOn });
      expect(history.at(-1)).toMatchObject({ action: 'reinspect', toStatus: '已销号', on: hazard.closedOn });
      expect(history.some((event) => event.action === 'submitForReview' && event.on === hazard.rectifiedOn)).toBe(true);
    }
  });

  it('keeps every hazard consistent with its history and its dates, as the lifecycle rules allow', () => {
    const { sqlite } = backend.ctx.appDb;
    const hazards = sqlite.prepare('SELECT * FROM hazards ORDER BY id').all() as Record<string, string | number | null>[];
    const events = sqlite.prepare('SELECT * FROM hazard_events ORDER BY hazard_id, id').all() as Record<string, string | null>[];
    const byHazard = new Map<number, Record<string, string | null>[]>();
    for (const event of events) {
      const id = Number(event.hazard_id);
      byHazard.set(id, [...(byHazard.get(id) ?? []), event]);
    }
    const statuses: readonly string[] = hazardStatuses;
    for (const hazard of hazards) {
      const label = hazard.number as string;
      const history = byHazard.get(hazard.id as number) ?? [];
      expect(history.length, label).toBeGreaterThan(0);
      expect(statuses).toContain(hazard.status);
      expect(hazard.found_on! <= today && (hazard.found_on as string) >= from, label).toBe(true);
      expect(hazard.deadline! >= hazard.found_on!, label).toBe(true);
      let status: HazardStatus | null = null;
      let on = hazard.found_on as string;
      for (const event of history) {
        expect(event.on! >= on && event.on! <= today, `${label} ${event.action}`).toBe(true);
        expect(event.created_at! <= backend.clock.now().toISOString()).toBe(true);
        on = event.on!;
        if (event.action === 'create') {
          expect(status).toBeNull();
        } else if (event.action === 'order') {
          expect(event.to_status).toBe(status);
        } else {
          const passed = event.action === 'reinspect' ? event.to_status === '已销号' : undefined;
          expect(nextHazardStatus(status!, event.action as HazardAction, passed), `${label} ${event.action} from ${status}`).toBe(event.to_status);
        }
        expect(event.from_status).toBe(status);
        status = event.to_status as HazardStatus;
      }
      expect(status, label).toBe(hazard.status);
      const extensions = history.filter((event) => event.action === 'extend').length;
      expect(hazard.extensions, label).toBe(extensions);
      if (hazard.status === '待复查') expect(hazard.rectified_on, label).not.toBeNull();
      if (hazard.status !== '已销号') expect(hazard.closed_on, label).toBeNull();
      if (hazard.level === '一般') expect(hazard.plan_targets ?? hazard.listed_authority ?? hazard.assigned_unit, label).toBeNull();
    }
    // Some are in each open state, a few were extended.
    for (const status of ['待整改', '整改中', '待复查']) expect(hazards.some((hazard) => hazard.status === status), status).toBe(true);
    expect(hazards.filter((hazard) => (hazard.extensions as number) > 0).length).toBeGreaterThan(5);
  });

  it('fills the 治理方案, and for most 挂牌督办 and 交办, of major hazards', async () => {
    const major = await allHazards({ level: '重大' });
    expect(major.length).toBeGreaterThan(10);
    for (const hazard of major) {
      expect(hazard.planTargets && hazard.planMethods && hazard.planFunds && hazard.planOrganisation && hazard.planTimeline && hazard.planSafety, hazard.number).toBeTruthy();
      expect(hazard.basis, hazard.number).toMatch(/判定|标准/);
    }
    const listed = major.filter((hazard) => hazard.listedAuthority && hazard.listedDocNo && hazard.listedOn && hazard.assignedUnit && hazard.assignedDeadline);
    expect(listed.length / major.length).toBeGreaterThan(0.7);
    for (const hazard of listed) expect(hazard.listedOn! >= hazard.foundOn && hazard.listedOn! <= today).toBe(true);
  });

  it('has overdue hazards, and the overdue filter of the list matches the statistics for the same period', async () => {
    const stats = await call('hazards.statistics', { from, to: today });
    expect(stats.overdue).toBeGreaterThan(0);
    const overdue = await call('hazards.list', { overdue: true, from, to: today, pageSize: 500 });
    expect(overdue.total).toBe(stats.overdue);
    expect((await call('hazards.list', { overdue: true, pageSize: 1 })).total).toBe(stats.overdue);
    for (const hazard of overdue.items) {
      expect(hazard.overdue).toBe(true);
      expect(hazard.status).not.toBe('已销号');
      expect(hazard.deadline < today).toBe(true);
    }
    // And the statistics of one village add up with its list.
    const [village] = await call('villages.options', {});
    const local = await call('hazards.statistics', { from, to: today, villageId: village.id });
    expect((await call('hazards.list', { villageId: village.id, pageSize: 1 })).total).toBe(local.found);
    expect((await call('hazards.list', { villageId: village.id, overdue: true, pageSize: 1 })).total).toBe(local.overdue);
  });

  it('issues orders for about half of the 执法 visits that found something, numbered per year in issue order, some reviewed', async () => {
    const { sqlite } = backend.ctx.appDb;
    const orders = sqlite
      .prepare(
        `SELECT o.*, i.kind, i.inspected_on, (SELECT count(*) FROM hazards h WHERE h.order_id = o.id) AS listed,
           (SELECT count(*) FROM hazards h WHERE h.inspection_id = o.inspection_id) AS found
         FROM rectification_orders o JOIN inspections i ON i.id = o.inspection_id ORDER BY o.year, o.seq`,
      )
      .all() as { number: string; year: number; seq: number; issued_on: string; deadline: string; kind: string; inspected_on: string; listed: number; found: number; reviewed_on: string | null; review_number: string | null }[];
    const enforcement = sqlite
      .prepare(`SELECT count(*) FROM inspections i WHERE i.kind = '执法' AND EXISTS (SELECT 1 FROM hazards h WHERE h.inspection_id = i.id)`)
      .pluck()
      .get() as number;
    expect(orders.length / enforcement).toBeGreaterThan(0.35);
    expect(orders.length / enforcement).toBeLessThan(0.75);
    for (const [index, order] of orders.entries()) {
      expect(order.kind).toBe('执法');
      expect(order.number).toBe(`示例镇应急责改〔${order.year}〕第${order.seq}号`);
      expect(order.year).toBe(Number(order.issued_on.slice(0, 4)));
      expect(order.listed).toBe(order.found);
      expect(order.deadline >= order.issued_on).toBe(true);
      const previous = orders[index - 1];
      if (previous?.year === order.year) {
        expect(order.seq).toBe(previous.seq + 1);
        expect(order.issued_on >= previous.issued_on).toBe(true);
      } else {
        expect(order.seq).toBe(1);
      }
      if (order.reviewed_on) {
        expect(order.reviewed_on >= order.issued_on && order.reviewed_on <= today).toBe(true);
        expect(order.review_number).toBe(order.number.replace(/号$/, '号（复查）'));
      }
    }
    expect(orders.some((order) => order.reviewed_on)).toBe(true);
    expect(orders.some((order) => !order.reviewed_on)).toBe(true);
  });

  it('is deterministic: a town built under the same clock has identical inspections, hazards, orders and sequences', async () => {
    const other = await makeTestBackend({ loadDemo: true });
    try {
      expect(dump(other)).toEqual(generated);
    } finally {
      other.dispose();
    }
  });

  it('gives a new order issued now the next number after the demo’s, and a new hazard the next hazard number', async () => {
    const year = Number(today.slice(0, 4));
    const latest = (await call('orders.list', { pageSize: 1 })).items[0];
    expect(latest.year).toBe(year);
    const [open] = (await call('hazards.list', { withoutOrder: true, status: '整改中', pageSize: 50 })).items.filter((hazard) => hazard.enterpriseId !== null);
    const order = await call('orders.create', { hazardIds: [open.id], issuedOn: today, deadline: addDays(today, 15), officers: '陈志华、李晓婷' });
    expect(order.seq).toBe(latest.seq + 1);
    expect(order.number).toBe(`示例镇应急责改〔${year}〕第${latest.seq + 1}号`);

    const last = (await call('hazards.list', { from: `${year}-01-01`, sortField: 'number', sortOrder: 'descend', pageSize: 1 })).items[0];
    const created = await call('hazards.create', {
      enterpriseId: open.enterpriseId,
      source: '自查',
      foundOn: today,
      place: '仓库',
      description: '灭火器压力不足',
      level: '一般',
      deadline: addDays(today, 7),
    });
    expect(created.number).toBe(`${year}-${String(Number(last.number.slice(5)) + 1).padStart(5, '0')}`);
  });
});
