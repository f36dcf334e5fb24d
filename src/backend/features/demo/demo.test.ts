import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import type { Filing } from '../../../shared/api/filings';
import { chemicalIndustries, type Industry } from '../../../shared/domain/enterprise';
import { addDays, dayKindOf } from '../../../shared/domain/holidays';
import { isValidPhone } from '../../../shared/domain/phone';
import {
  filingStatuses,
  isHotWork,
  nextFilingStatus,
  requiredDocumentsOf,
  type FilingAction,
  type FilingStatus,
  type SpecialWorkKind,
} from '../../../shared/domain/specialWork';
import { isValidUscc } from '../../../shared/domain/uscc';
import { localNow, nowIso } from '../../api/context';
import { nameInitials } from '../enterprises/initials';
import { demoScaleSizes, loadDemoData, readDemoMap } from './service';

interface EnterpriseRow {
  id: number;
  name: string;
  uscc: string;
  address: string;
  village_id: number;
  industry: Industry;
  risk_level: 'red' | 'orange' | 'yellow' | 'blue';
  key_supervised: number;
  major_hazard: number;
  principal_phone: string;
  safety_manager_phone: string;
  employees: number;
  grid_worker_id: number;
  longitude: number;
  latitude: number;
  name_initials: string;
  village_name: string;
  village_code: string;
}

/**
 * Winding number, deliberately not the generator's ray casting, so a bug there cannot hide itself here.
 * Non-zero means inside.
 */
function windingNumber([x, y]: [number, number], ring: [number, number][]): number {
  let winding = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    const side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
    if (y1 <= y && y2 > y && side > 0) winding += 1;
    else if (y1 > y && y2 <= y && side < 0) winding -= 1;
  }
  return winding;
}

let backend: TestBackend;
let enterprises: EnterpriseRow[];

/** Every row the demo writes, in id order: what must come out the same on every run. */
function dumpDemoRows(target: TestBackend) {
  const { sqlite } = target.ctx.appDb;
  return ['villages', 'grid_workers', 'grid_worker_villages', 'enterprises', 'filings', 'filing_tanks', 'filing_status_changes', 'sequences'].map((table) =>
    sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
  );
}

beforeAll(async () => {
  // The first-run path (system.setup with 载入演示数据) loads the small scale.
  backend = await makeTestBackend({ loadDemo: true });
  enterprises = backend.ctx.appDb.sqlite
    .prepare('SELECT e.*, v.name AS village_name, v.code AS village_code FROM enterprises e JOIN villages v ON v.id = e.village_id ORDER BY e.id')
    .all() as EnterpriseRow[];
});
afterAll(() => backend.dispose());

describe('demo data, small scale', () => {
  it('has the villages, the grid workers and ~500 enterprises of a small town', async () => {
    const sizes = demoScaleSizes.small;
    expect(enterprises).toHaveLength(sizes.enterprises);
    expect((await backend.call('villages.list', { pageSize: 100 })).total).toBe(30);
    // Output contracts are checked in tests, so listing everything also validates every generated row.
    const workers = await backend.call('gridWorkers.list', { pageSize: 500 });
    expect(workers.total).toBe(sizes.villageWorkers + sizes.enterpriseWorkers);
    expect(workers.items.filter((worker) => worker.kind === '企业网格员')).toHaveLength(sizes.enterpriseWorkers);
    expect(new Set(workers.items.map((worker) => worker.name)).size).toBe(workers.total);
    expect(workers.items.every((worker) => isValidPhone(worker.phone ?? ''))).toBe(true);
    const listed = await backend.call('enterprises.list', { pageSize: 500 });
    expect(listed.total).toBe(sizes.enterprises);
  });

  it('gives every enterprise a valid, unique USCC of the town (441900), mostly 91', () => {
    expect(enterprises.every((enterprise) => isValidUscc(enterprise.uscc))).toBe(true);
    expect(enterprises.every((enterprise) => /^9[123]441900[0-9A-Z]{10}$/.test(enterprise.uscc))).toBe(true);
    expect(new Set(enterprises.map((enterprise) => enterprise.uscc)).size).toBe(enterprises.length);
    const companies = enterprises.filter((enterprise) => enterprise.uscc.startsWith('91')).length;
    expect(companies / enterprises.length).toBeGreaterThan(0.8);
    expect(companies).toBeLessThan(enterprises.length);
  });

  it('names enterprises uniquely, with their pinyin initials, addresses in their village and valid phones', () => {
    expect(new Set(enterprises.map((enterprise) => enterprise.name)).size).toBe(enterprises.length);
    for (const enterprise of enterprises) {
      expect(enterprise.name_initials).toBe(nameInitials(enterprise.name));
      expect(enterprise.address).toMatch(new RegExp(`^示例镇${enterprise.village_name}.+\\d+号$`));
      expect(isValidPhone(enterprise.principal_phone) && isValidPhone(enterprise.safety_manager_phone)).toBe(true);
      expect(enterprise.employees).toBeGreaterThan(0);
    }
  });

  it('places every enterprise inside its village polygon', () => {
    const ringByCode = new Map(readDemoMap(backend.ctx.resourcesDir).map((feature) => [feature.properties.code, feature.geometry.coordinates[0]]));
    const outside = enterprises.filter(
      (enterprise) => windingNumber([enterprise.longitude, enterprise.latitude], ringByCode.get(enterprise.village_code)!) === 0,
    );
    expect(outside).toEqual([]);
  });

  it('assigns each enterprise a grid worker who covers its village; workers cover 1–3 villages, all villages covered', () => {
    const { sqlite } = backend.ctx.appDb;
    const assignments = sqlite
      .prepare('SELECT w.id, w.kind, a.village_id FROM grid_workers w JOIN grid_worker_villages a ON a.grid_worker_id = w.id')
      .all() as { id: number; kind: string; village_id: number }[];
    const villagesOf = new Map<number, Set<number>>();
    for (const { id, village_id } of assignments) villagesOf.set(id, (villagesOf.get(id) ?? new Set()).add(village_id));
    for (const enterprise of enterprises) expect(villagesOf.get(enterprise.grid_worker_id)?.has(enterprise.village_id)).toBe(true);
    for (const [id, villages] of villagesOf) {
      const kind = assignments.find((assignment) => assignment.id === id)!.kind;
      if (kind === '企业网格员') expect(villages.size).toBe(1);
      else expect(villages.size).toBeGreaterThanOrEqual(1);
      expect(villages.size).toBeLessThanOrEqual(3);
    }
    const covered = new Set(assignments.filter((assignment) => assignment.kind === '村（社区）网格员').map((assignment) => assignment.village_id));
    expect(covered.size).toBe(30);
  });

  it('spreads risk as graded towns report it, riskier in 危化/化工, with most red and orange key-supervised', () => {
    const share = (rows: EnterpriseRow[], level: EnterpriseRow['risk_level']) =>
      rows.filter((enterprise) => enterprise.risk_level === level).length / rows.length;
    expect(share(enterprises, 'blue')).toBeGreaterThan(0.5);
    expect(share(enterprises, 'yellow')).toBeGreaterThan(0.15);
    expect(share(enterprises, 'yellow')).toBeLessThan(0.35);
    expect(share(enterprises, 'orange')).toBeGreaterThan(0.04);
    expect(share(enterprises, 'orange')).toBeLessThan(0.14);
    expect(share(enterprises, 'red')).toBeGreaterThan(0.003);
    expect(share(enterprises, 'red')).toBeLessThan(0.05);

    const chemical = enterprises.filter((enterprise) => chemicalIndustries.includes(enterprise.industry));
    const trade = enterprises.filter((enterprise) => enterprise.industry.startsWith('工贸'));
    const severe = (rows: EnterpriseRow[]) => share(rows, 'red') + share(rows, 'orange');
    expect(trade.length / enterprises.length).toBeGreaterThan(0.4);
    expect(severe(chemical)).toBeGreaterThan(2 * severe(trade));

    const redOrange = enterprises.filter((enterprise) => enterprise.risk_level === 'red' || enterprise.risk_level === 'orange');
    expect(redOrange.filter((enterprise) => enterprise.key_supervised === 1).length / redOrange.length).toBeGreaterThan(0.6);
    const majorHazards = enterprises.filter((enterprise) => enterprise.major_hazard === 1);
    expect(majorHazards.length).toBeGreaterThan(0);
    expect(majorHazards.every((enterprise) => chemicalIndustries.includes(enterprise.industry) || enterprise.industry === '燃气')).toBe(true);
  });

  it('finds a generated enterprise by its pinyin initials, by a 3+ character fragment and by 2 characters', async () => {
    const target = enterprises[123];
    const byInitials = await backend.call('enterprises.list', { q: target.name_initials.slice(0, 6), pageSize: 500 });
    expect(byInitials.items.map((item) => item.id)).toContain(target.id);
    const byFragment = await backend.call('enterprises.list', { q: target.name.slice(-6), pageSize: 500 });
    expect(byFragment.items.map((item) => item.id)).toContain(target.id);
    const byTwo = await backend.call('enterprises.list', { q: target.name.slice(0, 2), pageSize: 500 });
    expect(byTwo.items.map((item) => item.id)).toContain(target.id);
  });

  it('is deterministic: a second town built under the same clock has identical rows', async () => {
    const other = await makeTestBackend({ loadDemo: true });
    try {
      expect(dumpDemoRows(other)).toEqual(dumpDemoRows(backend));
    } finally {
      other.dispose();
    }
  });

  it('refuses to load into a database that already holds records, changing nothing', () => {
    expect(() => loadDemoData(backend.ctx, { scale: 'small' })).toThrow(/已有/);
    expect(backend.ctx.appDb.sqlite.prepare('SELECT count(*) FROM enterprises').pluck().get()).toBe(enterprises.length);
  });
});

interface FilingDbRow {
  id: number;
  number: string;
  enterprise_id: number;
  kind: SpecialWorkKind;
  grade: string | null;
  planned_start: string;
  planned_end: string;
  status: FilingStatus;
  documents: string;
  warnings: string;
  warning_reason: string | null;
  site_check_on: string | null;
  site_check_inspectors: string | null;
  site_check_passed: number | null;
  closing_reason: string | null;
  actual_start: string | null;
  actual_end: string | null;
  completion_remark: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  industry: Industry;
  enterprise_status: string;
}

interface StepRow {
  filing_id: number;
  action: FilingAction | 'create';
  from_status: FilingStatus | null;
  to_status: FilingStatus;
  remark: string | null;
  created_at: string;
  created_by: string;
}

describe('demo data, special-work filings (small scale)', () => {
  let filings: FilingDbRow[];
  let stepsOf: Map<number, StepRow[]>;
  let now: string;
  let today: string;

  beforeAll(() => {
    const { sqlite } = backend.ctx.appDb;
    filings = sqlite
      .prepare(
        `SELECT f.*, e.industry, e.status AS enterprise_status FROM filings f JOIN enterprises e ON e.id = f.enterprise_id
          WHERE f.deleted_at IS NULL ORDER BY f.id`,
      )
      .all() as FilingDbRow[];
    stepsOf = new Map();
    for (const step of sqlite.prepare('SELECT * FROM filing_status_changes ORDER BY id').all() as StepRow[]) {
      stepsOf.set(step.filing_id, [...(stepsOf.get(step.filing_id) ?? []), step]);
    }
    now = localNow(backend.ctx);
    today = now.slice(0, 10);
  });

  it('spreads about a year of filings over working days (3–5 a day), fewer on rest days and holidays, ending a few days after today', () => {
    expect(filings.length).toBeGreaterThan(900);
    expect(filings.length).toBeLessThan(1400);
    const first = filings.reduce((min, filing) => (filing.planned_start < min ? filing.planned_start : min), '9999');
    const last = filings.reduce((max, filing) => (filing.planned_start > max ? filing.planned_start : max), '');
    expect(first.slice(0, 10) >= addDays(today, -366)).toBe(true);
    expect(last.slice(0, 10) > addDays(today, 1)).toBe(true);
    expect(last.slice(0, 10) <= addDays(today, 5)).toBe(true);

    const perDay = new Map<string, number>();
    for (const filing of filings) perDay.set(filing.planned_start.slice(0, 10), (perDay.get(filing.planned_start.slice(0, 10)) ?? 0) + 1);
    const average = (kind: 'workday' | 'off') => {
      let days = 0;
      let works = 0;
      for (let date = addDays(today, -300); date < addDays(today, -1); date = addDays(date, 1)) {
        if ((dayKindOf(date).kind === 'workday') !== (kind === 'workday')) continue;
        days += 1;
        works += perDay.get(date) ?? 0;
      }
      return works / days;
    };
    expect(average('workday')).toBeGreaterThanOrEqual(3);
    expect(average('workday')).toBeLessThanOrEqual(5);
    expect(average('off')).toBeLessThan(average('workday') / 2);
  });

  it('files mostly hot work, at enterprises in production of the GB 30871 and 工贸 industries, a few 停产', () => {
    const share = (test: (filing: FilingDbRow) => boolean) => filings.filter(test).length / filings.length;
    expect(share((filing) => isHotWork(filing.kind))).toBeGreaterThan(0.35);
    expect(share((filing) => chemicalIndustries.includes(filing.industry) || filing.industry.startsWith('工贸'))).toBeGreaterThan(0.85);
    expect(share((filing) => filing.enterprise_status === '在产')).toBeGreaterThan(0.95);
    expect(filings.some((filing) => filing.enterprise_status === '停产')).toBe(true);
    expect(filings.every((filing) => filing.enterprise_status === '在产' || filing.enterprise_status === '停产')).toBe(true);
    expect(new Set(filings.map((filing) => filing.kind)).size).toBe(11);
  });

  it('numbers filings per year in the order they were entered, and the sequence continues after them', () => {
    const { sqlite } = backend.ctx.appDb;
    const lastOf = new Map(
      (sqlite.prepare(`SELECT year, last FROM sequences WHERE series = 'filing'`).all() as { year: number; last: number }[]).map((row) => [row.year, row.last]),
    );
    const serials = new Map<number, number[]>();
    for (const filing of filings) {
      const [year, serial] = filing.number.split('-').map(Number);
      expect(filing.number).toMatch(/^\d{4}-\d{4,}$/);
      expect(year).toBe(Number(filing.created_at.slice(0, 4)));
      serials.set(year, [...(serials.get(year) ?? []), serial]);
    }
    for (const [year, list] of serials) {
      // In id (entry) order, 1, 2, 3 … with no gap, and the sequence's last is the last one handed out.
      expect(list).toEqual(list.map((_, index) => index + 1));
      expect(lastOf.get(year)).toBe(list.length);
    }
    for (let i = 1; i < filings.length; i += 1) expect(filings[i].created_at >= filings[i - 1].created_at).toBe(true);
  });

  it('closes past works (mostly 已完工; some 驳回 with a reason, 撤销, 逾期未完工) and leaves the coming ones open', () => {
    const past = filings.filter((filing) => filing.planned_end <= now);
    const share = (status: FilingStatus) => past.filter((filing) => filing.status === status).length / past.length;
    expect(share('已完工')).toBeGreaterThan(0.8);
    expect(share('驳回')).toBeGreaterThan(0.03);
    expect(share('驳回')).toBeLessThan(0.08);
    expect(share('撤销')).toBeGreaterThan(0.015);
    expect(share('撤销')).toBeLessThan(0.05);
    expect(share('逾期未完工')).toBeGreaterThan(0.01);
    expect(share('逾期未完工')).toBeLessThan(0.04);
    // Past works end closed, but for the one approved work left open past its window.
    const open = past.filter((filing) => !['已完工', '驳回', '撤销', '逾期未完工'].includes(filing.status));
    expect(open.map((filing) => filing.status)).toEqual(['作业中']);
    expect(filings.filter((filing) => filing.status === '驳回').every((filing) => (filing.closing_reason ?? '').length > 0)).toBe(true);
    expect(filings.filter((filing) => filing.status === '撤销').every((filing) => (filing.closing_reason ?? '').length > 0)).toBe(true);
    const future = filings.filter((filing) => filing.planned_start > now);
    const futureStatuses = new Set(future.map((filing) => filing.status));
    for (const status of ['待审核', '待现场核查', '准予作业'] as const) expect(futureStatuses).toContain(status);
    for (const status of futureStatuses) expect(['待审核', '待现场核查', '准予作业', '驳回', '撤销']).toContain(status);
    for (const status of filingStatuses) expect(filings.some((filing) => filing.status === status)).toBe(true);
  });

  it('shows several works today and tomorrow on the board, with one running without approval and one past its window', async () => {
    const board = await backend.call('filings.board', {});
    expect(board.now).toBe(now);
    expect(board.today.date).toBe(today);
    expect(board.today.items.filter((item) => item.plannedStart.startsWith(today)).length).toBeGreaterThanOrEqual(4);
    expect(board.tomorrow.items.filter((item) => item.plannedStart.startsWith(addDays(today, 1))).length).toBeGreaterThanOrEqual(4);
    expect(board.today.items.some((item) => item.status === '作业中')).toBe(true);
    expect([...board.today.items, ...board.tomorrow.items].some((item) => item.status === '准予作业')).toBe(true);
    expect(board.unapprovedStarted.length).toBeGreaterThanOrEqual(1);
    expect(board.unapprovedStarted.length).toBeLessThanOrEqual(3);
    expect(board.unapprovedStarted.every((item) => item.status === '待现场核查' && item.flags.includes('unapprovedStarted'))).toBe(true);
    expect(board.pastWindow).toHaveLength(1);
    expect(board.pastWindow[0].flags).toEqual(['pastWindow']);
    expect(board.pastWindow[0].plannedEnd <= now).toBe(true);
  });

  it('records every step of each filing, from 报备 to its status, with who and when, and the fields each step sets', () => {
    const nowStamp = nowIso(backend.ctx);
    for (const filing of filings) {
      const steps = stepsOf.get(filing.id) ?? [];
      expect(steps[0]).toMatchObject({ action: 'create', from_status: null, to_status: '待审核', created_by: filing.created_by });
      expect(steps[0].created_at).toBe(filing.created_at);
      let status: FilingStatus = '待审核';
      for (const step of steps.slice(1)) {
        expect(step.from_status).toBe(status);
        const passed = !(step.action === 'siteCheck' && step.to_status === '驳回');
        expect(nextFilingStatus(status, step.action as FilingAction, passed)).toBe(step.to_status);
        status = step.to_status;
      }
      expect(status).toBe(filing.status);
      for (let i = 1; i < steps.length; i += 1) expect(steps[i].created_at >= steps[i - 1].created_at).toBe(true);
      expect(steps[steps.length - 1].created_at).toBe(filing.updated_at);
      expect(filing.updated_at <= nowStamp).toBe(true);
      expect(steps.every((step) => step.created_by.length >= 2)).toBe(true);

      const actions = steps.map((step) => step.action);
      const siteStep = steps.find((step) => step.action === 'siteCheck');
      expect(filing.site_check_on !== null).toBe(siteStep !== undefined);
      if (siteStep) {
        expect(filing.site_check_on! <= today).toBe(true);
        expect(filing.site_check_inspectors).toMatch(/^.+、.+$/);
        expect(filing.site_check_passed).toBe(siteStep.to_status === '准予作业' ? 1 : 0);
      }
      expect(filing.actual_start !== null).toBe(actions.includes('start'));
      expect(filing.actual_end !== null).toBe(actions.includes('complete'));
      if (filing.actual_start) {
        expect(filing.actual_start >= filing.planned_start && filing.actual_start < filing.planned_end).toBe(true);
        expect(filing.actual_start <= now).toBe(true);
      }
      if (filing.actual_end) {
        expect(filing.actual_end > filing.actual_start!).toBe(true);
        expect(filing.actual_end <= now).toBe(true);
        expect(filing.completion_remark).toBeTruthy();
      }
      if (filing.status === '驳回' || filing.status === '撤销') expect(filing.closing_reason).toContain(steps.at(-1)!.remark);
      if (actions.includes('markOverdue')) expect(filing.planned_end <= now).toBe(true);
    }
  });

  it('stores the warnings the rules give (holidays, rest days, night, tanks in use…) with a reason, and the required documents', async () => {
    const warned = filings.filter((filing) => filing.warnings !== '[]');
    expect(warned.length / filings.length).toBeGreaterThan(0.05);
    const codes = new Set(warned.flatMap((filing) => (JSON.parse(filing.warnings) as { code: string }[]).map((warning) => warning.code)));
    for (const code of ['hot-work-upgraded', 'holiday-work', 'tank-in-use', 'gb30871-reference-only', 'enterprise-suspended']) expect(codes).toContain(code);
    expect(filings.every((filing) => (filing.warnings === '[]') === (filing.warning_reason === null))).toBe(true);

    // The app's own check on the filings as they stand (every warned one, a sample of the others): no errors,
    // exactly the warnings stored.
    for (const row of filings.filter((filing, index) => filing.warnings !== '[]' || index % 4 === 0)) {
      const filing: Filing = await backend.call('filings.get', { id: row.id });
      const check = await backend.call('filings.check', {
        id: filing.id,
        enterpriseId: filing.enterpriseId,
        kind: filing.kind,
        grade: filing.grade,
        heightM: filing.heightM,
        heightClass: filing.heightClass,
        loadT: filing.loadT,
        place: filing.place,
        content: filing.content,
        plannedStart: filing.plannedStart,
        plannedEnd: filing.plannedEnd,
        contractor: filing.contractor,
        contractorQualification: filing.contractorQualification,
        leaderName: filing.leaderName,
        leaderPhone: filing.leaderPhone,
        guardianName: filing.guardianName,
        workers: filing.workers,
        tankIds: filing.tanks.map((tank) => tank.id),
        riskIdentification: filing.riskIdentification,
        measures: filing.measures,
        documents: filing.documents,
        warningReason: filing.warningReason,
      });
      expect(check.errors, filing.number).toEqual([]);
      expect(check.warnings, filing.number).toEqual(filing.warnings);
      expect(check.grade).toBe(filing.grade);
      // The documents of the grade the work is managed at; only filings turned down may lack one.
      const missing = requiredDocumentsOf(filing.kind, check.managedGrade as never).filter((document) => !filing.documents.includes(document));
      if (missing.length) expect(filing.status, filing.number).toBe('驳回');
    }
    expect(filings.some((filing) => filing.status === '驳回' && (filing.closing_reason ?? '').startsWith('材料不全'))).toBe(true);
  });

  it('links some hot works to the tanks of their enterprise', () => {
    const links = backend.ctx.appDb.sqlite
      .prepare('SELECT f.kind, f.enterprise_id, t.enterprise_id AS tank_owner FROM filing_tanks ft JOIN filings f ON f.id = ft.filing_id JOIN tanks t ON t.id = ft.tank_id')
      .all() as { kind: SpecialWorkKind; enterprise_id: number; tank_owner: number }[];
    expect(links.filter((link) => isHotWork(link.kind)).length).toBeGreaterThan(10);
    expect(links.every((link) => link.enterprise_id === link.tank_owner)).toBe(true);
  });

  it('lets the office file a new work after the demo: its number continues the series without a clash', async () => {
    const { sqlite } = backend.ctx.appDb;
    const year = Number(today.slice(0, 4));
    const last = sqlite.prepare(`SELECT last FROM sequences WHERE series = 'filing' AND year = ?`).pluck().get(year) as number;
    const enterprise = sqlite
      .prepare(`SELECT id FROM enterprises WHERE status = '在产' AND industry = '化工' AND deleted_at IS NULL ORDER BY id LIMIT 1`)
      .get() as { id: number };
    const created = await backend.call('filings.create', {
      enterpriseId: enterprise.id,
      kind: '高处',
      heightM: 8,
      heightClass: 'A',
      place: '成品仓库屋面',
      content: '更换破损彩钢瓦',
      plannedStart: `${addDays(today, 2)} 09:00`,
      plannedEnd: `${addDays(today, 2)} 15:00`,
      leaderName: '陈志强',
      guardianName: '李国华',
      documents: requiredDocumentsOf('高处', 'Ⅱ级'),
      warningReason: '已核实',
    });
    expect(created.number).toBe(`${year}-${String(last + 1).padStart(4, '0')}`);
    expect(filings.some((filing) => filing.number === created.number)).toBe(false);
    expect(sqlite.prepare('SELECT count(*) FROM filings WHERE number = ?').pluck().get(created.number)).toBe(1);
  });
});
