import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../../../tests/fixtures/backend';
import { chemicalIndustries, type Industry } from '../../../shared/domain/enterprise';
import { isValidPhone } from '../../../shared/domain/phone';
import { isValidUscc } from '../../../shared/domain/uscc';
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
  return ['villages', 'grid_workers', 'grid_worker_villages', 'enterprises'].map((table) =>
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
