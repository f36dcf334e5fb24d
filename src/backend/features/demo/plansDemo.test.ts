import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, testAdmin, type TestBackend } from '../../../../tests/fixtures/backend';
import type { ApiName, In, Out } from '../../../shared/api';
import type { PlanRow } from '../../../shared/api/plans';
import {
  addMonths,
  addWorkingDays,
  dueStateOf,
  listedUnitIndustries,
  planFilingMaterials,
  planKindsByOwner,
  planOwnerTypes,
  reminderKinds,
  revisionTriggers,
  type PlanOwnerType,
} from '../../../shared/domain/emergencyPlan';
import { addDays } from '../../../shared/domain/holidays';
import { localToday } from '../../api/context';

let backend: TestBackend;
let today: string;
/** Every plan of the demo, through the API (its output contract checked on every row). */
let plans: PlanRow[];

async function call<N extends ApiName>(name: N, input: In<N>): Promise<Out<N>> {
  return backend.call(name, input);
}

beforeAll(async () => {
  // The first-run path (system.setup with 载入演示数据) loads the small scale.
  backend = await makeTestBackend({ loadDemo: true });
  today = localToday(backend.ctx);
  plans = [];
  for (let page = 1; ; page += 1) {
    const result = await call('plans.list', { page, pageSize: 500, sortField: 'name', sortOrder: 'ascend' });
    plans.push(...result.items);
    if (plans.length >= result.total) break;
  }
});
afterAll(() => backend.dispose());

describe('demo plans and drills (small scale)', () => {
  it('has plans of the town, its departments, every village and the enterprises, some in their second or third version', async () => {
    const byOwner = (ownerType: PlanOwnerType) => plans.filter((plan) => plan.ownerType === ownerType);
    for (const ownerType of planOwnerTypes) {
      expect(byOwner(ownerType).length, ownerType).toBeGreaterThan(0);
      expect(byOwner(ownerType).every((plan) => planKindsByOwner[ownerType].includes(plan.kind))).toBe(true);
    }
    const town = byOwner('town');
    expect(town.map((plan) => plan.name)).toContain('示例镇突发事件总体应急预案');
    expect(town.some((plan) => plan.name === '示例镇防汛抗旱应急预案' && plan.kind === '专项预案')).toBe(true);
    expect(town.every((plan) => /^示例镇府(办)?〔\d{4}〕\d+号$/.test(plan.docNo ?? ''))).toBe(true);
    expect(town.some((plan) => plan.versionCount >= 3)).toBe(true);
    expect(new Set(byOwner('department').map((plan) => plan.department)).size).toBeGreaterThanOrEqual(8);
    const villages = await call('villages.list', { pageSize: 100 });
    expect(new Set(byOwner('village').map((plan) => plan.villageId)).size).toBe(villages.total);
    const enterprise = byOwner('enterprise');
    for (const kind of planKindsByOwner.enterprise) expect(enterprise.some((plan) => plan.kind === kind)).toBe(true);
    expect(enterprise.filter((plan) => plan.versionCount >= 2).length).toBeGreaterThan(enterprise.length / 5);
    expect(enterprise.some((plan) => plan.crowdedPlace)).toBe(true);
    expect(plans.some((plan) => plan.status === '修订中')).toBe(true);
    expect(plans.some((plan) => plan.status === '已废止')).toBe(true);

    // A revision keeps the earlier versions, each with a later issue day and a 第三十六条 trigger.
    const revised = plans.filter((plan) => plan.versionCount >= 2).slice(0, 20);
    for (const row of revised) {
      const plan = await call('plans.get', { id: row.id });
      const versions = [...plan.versions].reverse();
      expect(versions[0].revisionTrigger).toBeNull();
      for (let i = 1; i < versions.length; i += 1) {
        expect(versions[i].issuedOn > versions[i - 1].issuedOn).toBe(true);
        expect(revisionTriggers).toContain(versions[i].revisionTrigger);
      }
      expect(new Set(versions.map((version) => version.version)).size).toBe(versions.length);
      expect(plan.current.id).toBe(versions.at(-1)!.id);
    }
  });

  it('is deterministic: a town built under the same clock has identical plans, filings, drills and sequences', async () => {
    const dump = (target: TestBackend) =>
      ['emergency_plans', 'plan_versions', 'plan_filings', 'drills', 'sequences'].map((table) => target.ctx.appDb.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
    const other = await makeTestBackend({ loadDemo: true });
    try {
      expect(dump(other)).toEqual(dump(backend));
    } finally {
      other.dispose();
    }
  });

  it('keeps every plan within the rules the forms enforce', () => {
    const { sqlite } = backend.ctx.appDb;
    const versions = sqlite.prepare('SELECT * FROM plan_versions ORDER BY id').all() as {
      plan_id: number;
      issued_on: string;
      review_kind: string | null;
      review_on: string | null;
      review_experts: number | null;
      review_result: string | null;
      filing_dept: string | null;
      filing_on: string | null;
    }[];
    for (const version of versions) {
      expect(version.issued_on <= today).toBe(true);
      if (version.review_on) {
        expect(version.review_on <= version.issued_on).toBe(true);
        expect(version.review_kind).toBeTruthy();
        expect(version.review_experts).toBeGreaterThanOrEqual(3);
        expect(version.review_experts).toBeLessThanOrEqual(7);
        expect(['通过', '修改后通过']).toContain(version.review_result);
      }
      if (version.filing_on) {
        expect(version.filing_on >= version.issued_on && version.filing_on <= today).toBe(true);
        expect(version.filing_dept).toBeTruthy();
      }
    }
    for (const plan of plans) {
      if (plan.lastEvaluatedOn) expect(plan.lastEvaluatedOn >= plan.issuedOn && plan.lastEvaluatedOn <= today).toBe(true);
    }
  });

  it('gives every listed-unit enterprise in operation its plans; a closed enterprise keeps only 已废止 ones', () => {
    const { sqlite } = backend.ctx.appDb;
    const withoutPlans = sqlite
      .prepare(
        `SELECT e.name FROM enterprises e WHERE e.status IN ('在产', '停产') AND e.industry IN (${listedUnitIndustries.map(() => '?').join(', ')})
           AND NOT EXISTS (SELECT 1 FROM emergency_plans p WHERE p.enterprise_id = e.id AND p.kind = '综合预案')`,
      )
      .all(...listedUnitIndustries);
    expect(withoutPlans).toEqual([]);
    const closedStatuses = sqlite
      .prepare(`SELECT DISTINCT p.status FROM emergency_plans p JOIN enterprises e ON e.id = p.enterprise_id WHERE e.status IN ('关闭', '注销')`)
      .pluck()
      .all();
    expect(closedStatuses).toEqual(['已废止']);
  });

  it('reminds of each kind, overdue and due, each as its rule computes it, while most plans are in order', async () => {
    const { items } = await call('plans.reminders', { days: 30 });
    for (const kind of reminderKinds) {
      for (const state of ['overdue', 'due'] as const) expect(items.some((item) => item.kind === kind && item.state === state), `${kind} ${state}`).toBe(true);
    }
    for (const item of items) {
      expect(item.state, item.detail).toBe(dueStateOf(item.dueOn, today, 30));
      if (item.kind === 'filingCheck') {
        const filing = await call('planFilings.get', { id: item.filingId! });
        expect(filing.status).toBe('待核对');
        expect(item.dueOn).toBe(addWorkingDays(filing.receivedOn, 5).date);
        continue;
      }
      const plan = await call('plans.get', { id: item.planId });
      expect(plan.status).not.toBe('已废止');
      if (item.kind === 'filing') {
        // 第二十六条: a listed unit's version unfiled 20 working days after issue, with no filing received for it.
        expect(plan.listedUnit).toBe(true);
        expect(plan.filingOn).toBeNull();
        expect(item.dueOn).toBe(addWorkingDays(plan.issuedOn, 20).date);
        const filings = await call('planFilings.list', { planId: plan.id, pageSize: 100 });
        expect(filings.items.filter((filing) => filing.versionId === plan.versionId && filing.status !== '不予备案')).toEqual([]);
      } else if (item.kind === 'evaluation') {
        const base = plan.lastEvaluatedOn && plan.lastEvaluatedOn > plan.issuedOn ? plan.lastEvaluatedOn : plan.issuedOn;
        expect(item.dueOn).toBe(addMonths(base, 36));
      } else {
        const months = plan.kind === '现场处置方案' || plan.listedUnit ? 6 : 12;
        expect(plan.due.drill.intervalMonths).toBe(months);
        const last = (await call('drills.list', { planId: plan.id, pageSize: 1, sortField: 'heldOn', sortOrder: 'descend' })).items[0]?.heldOn ?? null;
        expect(plan.due.lastDrillOn).toBe(last);
        expect(item.dueOn).toBe(addMonths(last && last > plan.issuedOn ? last : plan.issuedOn, months));
      }
    }
    const live = plans.filter((plan) => plan.status !== '已废止');
    const reminded = new Set(items.map((item) => item.planId));
    expect(reminded.size / live.length).toBeLessThan(0.3);
    // Overdue filings include one past its deadline by a few days only, as well as older ones.
    expect(items.filter((item) => item.kind === 'filing' && item.state === 'overdue').some((item) => item.daysLeft >= -20)).toBe(true);
  });

  it('sums up the last 12 months of drills as the seeds do: enterprises, departments, every village and the town', async () => {
    const summary = await call('drills.summary', { from: addMonths(today, -12), to: today });
    expect(summary.units.town).toBe(1);
    expect(summary.units.department).toBeGreaterThanOrEqual(8);
    expect(summary.units.village).toBe(30);
    expect(summary.units.enterprise).toBeGreaterThan(120);
    expect(summary.units.enterprise).toBeLessThan(260);
    expect(summary.fireBrigadeEnterprises).toBeGreaterThanOrEqual(3);
    expect(summary.fireBrigadeEnterprises / summary.units.enterprise).toBeLessThan(0.1);
    expect(summary.actual).toBeGreaterThan(summary.tabletop * 4);
    expect(summary.participants).toBeGreaterThan(8000);
    expect(summary.unevaluated / summary.drills).toBeLessThan(0.15);
    for (const count of Object.values(summary.byScope)) expect(count).toBeGreaterThan(0);
    expect(summary.sentence).toMatch(/家企业.*个村（社区）.*参与人次\d+人/);

    // The town's 应急演练月 drill is a large one with the fire brigade; drills lie in the last 14 months, on days past.
    const town = await call('drills.list', { ownerType: 'town', pageSize: 100 });
    expect(town.items.some((drill) => drill.name.includes('应急演练月') && drill.fireBrigade && drill.participants >= 300)).toBe(true);
    const all = await call('drills.list', { pageSize: 500, sortField: 'heldOn', sortOrder: 'ascend' });
    expect(all.items[0].heldOn >= addMonths(today, -15)).toBe(true);
    const latest = await call('drills.list', { pageSize: 1, sortField: 'heldOn', sortOrder: 'descend' });
    expect(latest.items[0].heldOn < today).toBe(true);
    expect(latest.items[0].heldOn >= addDays(today, -30)).toBe(true);
  });

  it('numbers accepted filings per year without a clash, and a new acceptance continues the series', async () => {
    const { sqlite } = backend.ctx.appDb;
    const accepted = sqlite
      .prepare(`SELECT f.number, f.checked_on AS checkedOn, v.filing_number AS versionNumber FROM plan_filings f JOIN plan_versions v ON v.id = f.version_id WHERE f.status = '已备案'`)
      .all() as { number: string; checkedOn: string; versionNumber: string }[];
    expect(accepted.length).toBeGreaterThan(50);
    for (const filing of accepted) {
      expect(filing.number).toMatch(/^\d{4}-\d{3,}$/);
      expect(filing.number.slice(0, 4)).toBe(filing.checkedOn.slice(0, 4));
      expect(filing.versionNumber).toBe(filing.number);
    }
    const refused = sqlite.prepare(`SELECT result_note FROM plan_filings WHERE status = '不予备案'`).pluck().all() as string[];
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((note) => note.startsWith('需补齐：'))).toBe(true);

    // Office numbers (on versions, some filed before the app kept its 备案登记) never exceed the sequence.
    const officeNumbers = sqlite
      .prepare(`SELECT filing_number FROM plan_versions WHERE filing_dept = '示例镇应急管理办公室' AND filing_number IS NOT NULL`)
      .pluck()
      .all() as string[];
    expect(new Set(officeNumbers).size).toBe(officeNumbers.length);
    const lastOf = new Map(
      (sqlite.prepare(`SELECT year, last FROM sequences WHERE series = 'planFiling'`).all() as { year: number; last: number }[]).map((row) => [row.year, row.last]),
    );
    for (const number of officeNumbers) expect(Number(number.slice(5))).toBeLessThanOrEqual(lastOf.get(Number(number.slice(0, 4)))!);

    const { items } = await call('plans.reminders', { days: 30, kind: 'filing' });
    const planId = items[0].planId;
    const created = await call('planFilings.create', { planId, receivedOn: today, submitter: '王建平', materials: [...planFilingMaterials] });
    expect(created.status).toBe('待核对');
    const decided = await call('planFilings.decide', { id: created.id, result: '已备案', checkedOn: today });
    const year = Number(today.slice(0, 4));
    expect(decided.number).toBe(`${year}-${String((lastOf.get(year) ?? 0) + 1).padStart(3, '0')}`);
    expect(officeNumbers).not.toContain(decided.number);
    expect(sqlite.prepare('SELECT count(*) FROM plan_filings WHERE number = ?').pluck().get(decided.number)).toBe(1);
    const plan = await call('plans.get', { id: planId });
    expect(plan).toMatchObject({ filingNumber: decided.number, filingOn: today, filingDept: '示例镇应急管理办公室' });
    expect(plan.due.filing?.state).toBe('done');
  });
});

describe('demo plans on another day', () => {
  it('builds its due and overdue cases relative to the clock, even in a year without a holiday schedule', async () => {
    const other = await makeTestBackend({ setup: false });
    try {
      other.clock.set('2027-01-20T02:00:00.000Z');
      const { session } = await other.call('system.setup', { orgName: '示例镇应急管理办公室', townName: '示例镇', loadDemo: true, admin: testAdmin }, null);
      const otherToday = localToday(other.ctx);
      const { items } = await other.call('plans.reminders', { days: 30 }, session.token);
      for (const kind of reminderKinds) {
        for (const state of ['overdue', 'due'] as const) expect(items.some((item) => item.kind === kind && item.state === state), `${kind} ${state}`).toBe(true);
      }
      expect(items.every((item) => item.state === dueStateOf(item.dueOn, otherToday, 30))).toBe(true);
      const latest = await other.call('drills.list', { pageSize: 1, sortField: 'heldOn', sortOrder: 'descend' }, session.token);
      expect(latest.items[0].heldOn < otherToday).toBe(true);
      const summary = await other.call('drills.summary', { from: addMonths(otherToday, -12), to: otherToday }, session.token);
      expect(summary.units.village).toBe(30);
    } finally {
      other.dispose();
    }
  });
});
