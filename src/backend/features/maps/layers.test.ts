import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { In, Out } from '../../../shared/api';
import { filing, hazard, open, type Harness } from '../../../../tests/fixtures/registryHarness';

/**
 * Each backend here is empty (no demo town) so every count below is this file's own records, and stands at
 * Monday 2026-03-16 08:00 (the harness's default clock; the machine's zone is UTC, so that is the office's local time).
 */
const today = '2026-03-16';
const nextMonday = '2026-03-23';

describe('maps.layers on a small town', () => {
  let h: Harness;
  let east: number;
  let west: number;
  /** 危化生产, red, key-supervised, at (113.555, 22.832) in 东山村. */
  let refinery: Out<'enterprises.create'>;
  /** 化工, yellow, 停产, at (113.6, 22.79) in 西岭村. */
  let plant: Out<'enterprises.create'>;
  /** 化工, orange, at (113.556, 22.833) in 东山村: its filing has started unapproved. */
  let coater: Out<'enterprises.create'>;
  /** 工贸-机械, blue, no coordinates. */
  let workshop: Out<'enterprises.create'>;
  /** Deleted, with coordinates. */
  let gone: Out<'enterprises.create'>;
  /** Idle site at (113.56, 22.83) in 东山村; a second one without coordinates. */
  let yard: Out<'idleSites.create'>;
  let hiddenYard: Out<'idleSites.create'>;
  const tanks: Record<string, Out<'tanks.create'>> = {};
  const hazards: Record<string, Out<'hazards.create'>> = {};
  const works: Record<string, Out<'filings.create'>> = {};

  beforeAll(async () => {
    h = await open(100);
    east = await h.village('东山村');
    west = await h.village('西岭村');
    refinery = await h.enterprise({
      name: '东山石化有限公司',
      villageId: east,
      industry: '危化生产',
      riskLevel: 'red',
      keySupervised: true,
      longitude: 113.555,
      latitude: 22.832,
    });
    plant = await h.enterprise({ name: '西岭化工厂', villageId: west, industry: '化工', riskLevel: 'yellow', status: '停产', longitude: 113.6, latitude: 22.79 });
    coater = await h.enterprise({ name: '东山涂料厂', villageId: east, industry: '化工', riskLevel: 'orange', longitude: 113.556, latitude: 22.833 });
    workshop = await h.enterprise({ name: '东山五金厂', villageId: east, industry: '工贸-机械', riskLevel: 'blue' });
    gone = await h.enterprise({ name: '已删除的化工厂', villageId: east, industry: '化工', riskLevel: 'orange', longitude: 113.55, latitude: 22.83 });
    await h.call('enterprises.delete', { id: gone.id });

    yard = await h.call('idleSites.create', { name: '东山旧砖厂', kind: '厂房', villageId: east, foundOn: '2026-03-01', longitude: 113.56, latitude: 22.83 });
    hiddenYard = await h.call('idleSites.create', { name: '西岭闲置院落', kind: '院落', villageId: west, foundOn: '2026-03-01' });

    const tank = (code: string, owner: { enterpriseId: number } | { idleSiteId: number }, extra: Partial<In<'tanks.create'>> = {}) =>
      h.call('tanks.create', { code, registeredOn: '2026-02-01', ...owner, ...extra });
    tanks.own = await tank('T-01', { enterpriseId: refinery.id }, { longitude: 113.5551, latitude: 22.8321 });
    tanks.atOwner = await tank('C-01', { enterpriseId: plant.id }, { status: '停用' });
    tanks.atSite = await tank('X-01', { idleSiteId: yard.id });
    tanks.removed = await tank('T-02', { enterpriseId: refinery.id }, { status: '已拆除', longitude: 113.5552, latitude: 22.8322 });
    tanks.nowhere = await tank('W-01', { enterpriseId: workshop.id });
    tanks.deleted = await tank('T-03', { enterpriseId: refinery.id });
    await h.call('tanks.delete', { id: tanks.deleted.id });

    hazards.overdue = await h.call('hazards.create', hazard({ enterpriseId: refinery.id }, { level: '一般', deadline: '2026-03-15', description: '报警器未检定' }));
    hazards.dueToday = await h.call('hazards.create', hazard({ enterpriseId: plant.id }, { level: '重大', deadline: today, description: '储罐无液位报警' }));
    hazards.atSite = await h.call('hazards.create', hazard({ idleSiteId: yard.id }, { level: '一般', deadline: '2026-04-30', description: '院内堆放油桶' }));
    hazards.unlocated = await h.call('hazards.create', hazard({ enterpriseId: workshop.id }, { level: '一般', deadline: '2026-04-30', description: '砂轮机无防护罩' }));
    hazards.closed = await h.call('hazards.create', hazard({ enterpriseId: refinery.id }, { level: '重大', deadline: '2026-03-31', description: '已整改的隐患' }));
    await h.call('hazards.transition', { id: hazards.closed.id, action: 'submitForReview', on: '2026-03-10', remark: '已整改' });
    const closed = await h.call('hazards.transition', { id: hazards.closed.id, action: 'reinspect', passed: true, reinspector: '周敏', on: '2026-03-11' });
    expect(closed.status).toBe('已销号');
    hazards.deleted = await h.call('hazards.create', hazard({ enterpriseId: refinery.id }, { level: '一般', deadline: '2026-04-30', description: '误录的隐患' }));
    await h.call('hazards.delete', { id: hazards.deleted.id });

    works.today = await h.call('filings.create', filing(refinery.id, today));
    works.nextWeek = await h.call('filings.create', filing(refinery.id, nextMonday));
    works.unlocated = await h.call('filings.create', filing(workshop.id, today));
    // Planned from 08:00, now: it has started while still 待审核 (flagged).
    works.started = await h.call('filings.create', { ...filing(coater.id, today), plannedStart: `${today} 08:00`, plannedEnd: `${today} 10:00` });
  });
  afterAll(() => h.backend.dispose());

  it('draws live located enterprises as full tuples and counts the one without coordinates', async () => {
    const layers = await h.call('maps.layers', {});
    expect([...layers.enterprises].sort((a, b) => a[0] - b[0])).toEqual([
      [refinery.id, 113.555, 22.832, '东山石化有限公司', east, '危化生产', 'red', true, '在产'],
      [plant.id, 113.6, 22.79, '西岭化工厂', west, '化工', 'yellow', false, '停产'],
      [coater.id, 113.556, 22.833, '东山涂料厂', east, '化工', 'orange', false, '在产'],
    ]);
    // 东山五金厂 has no coordinates; the deleted one is neither drawn nor counted.
    expect(layers.unlocated.enterprises).toBe(1);
    expect(layers.enterprises.map((row) => row[0])).not.toContain(gone.id);
  });

  it('places tanks at their own point or their owner’s, with the category of their owner, and leaves out 已拆除 and deleted ones', async () => {
    const layers = await h.call('maps.layers', {});
    const byId = new Map(layers.tanks.map((row) => [row[0], row]));
    expect(byId.get(tanks.own.id)).toEqual([tanks.own.id, 113.5551, 22.8321, 'T-01', '危化品企业储罐', '在用', '东山石化有限公司', east]);
    expect(byId.get(tanks.atOwner.id)).toEqual([tanks.atOwner.id, 113.6, 22.79, 'C-01', '一般化工企业储罐', '停用', '西岭化工厂', west]);
    expect(byId.get(tanks.atSite.id)).toEqual([tanks.atSite.id, 113.56, 22.83, 'X-01', '四闲场所储罐', '在用', '东山旧砖厂', east]);
    expect(byId.has(tanks.removed.id)).toBe(false);
    expect(byId.has(tanks.deleted.id)).toBe(false);
    expect(layers.tanks).toHaveLength(3);
    // W-01: its owner 东山五金厂 has no coordinates and neither has the tank.
    expect(layers.unlocated.tanks).toBe(1);
  });

  it('draws idle sites with coordinates and counts the others', async () => {
    const layers = await h.call('maps.layers', {});
    expect(layers.idleSites).toEqual([[yard.id, 113.56, 22.83, '东山旧砖厂', east, '无违法', '无需处置']]);
    expect(layers.idleSites.map((row) => row[0])).not.toContain(hiddenYard.id);
    expect(layers.unlocated.idleSites).toBe(1);
  });

  it('draws open hazards at their target, overdue only after the deadline day', async () => {
    const layers = await h.call('maps.layers', {});
    expect(layers.today).toBe(today);
    const byId = new Map(layers.hazards.map((row) => [row[0], row]));
    expect(byId.get(hazards.overdue.id)).toEqual([
      hazards.overdue.id,
      113.555,
      22.832,
      hazards.overdue.number,
      '一般',
      '待整改',
      true,
      '东山石化有限公司',
      east,
      '报警器未检定',
    ]);
    // The deadline day itself is still in time.
    expect(byId.get(hazards.dueToday.id)).toEqual([hazards.dueToday.id, 113.6, 22.79, hazards.dueToday.number, '重大', '待整改', false, '西岭化工厂', west, '储罐无液位报警']);
    expect(byId.get(hazards.atSite.id)).toEqual([hazards.atSite.id, 113.56, 22.83, hazards.atSite.number, '一般', '待整改', false, '东山旧砖厂', east, '院内堆放油桶']);
    expect(byId.has(hazards.closed.id)).toBe(false);
    expect(byId.has(hazards.deleted.id)).toBe(false);
    expect(layers.hazards).toHaveLength(3);
    expect(layers.unlocated.hazards).toBe(1);
  });

  it('draws today’s works at their enterprise, flagged when started unapproved, not next week’s', async () => {
    const layers = await h.call('maps.layers', {});
    expect([...layers.works].sort((a, b) => a[0] - b[0])).toEqual([
      [works.today.id, 113.555, 22.832, works.today.number, '受限空间', '东山石化有限公司', '待审核', false, east],
      [works.started.id, 113.556, 22.833, works.started.number, '受限空间', '东山涂料厂', '待审核', true, east],
    ]);
    // The filing of 东山五金厂 is today's too but its enterprise has no coordinates.
    expect(layers.unlocated.works).toBe(1);
  });

  it('takes `date` as today for the works and for 逾期', async () => {
    const layers = await h.call('maps.layers', { date: nextMonday });
    expect(layers.today).toBe(nextMonday);
    // Next Monday's filing, plus the one flagged now whatever day is asked for; not today's unflagged ones.
    expect([...layers.works].sort((a, b) => a[0] - b[0])).toEqual([
      [works.nextWeek.id, 113.555, 22.832, works.nextWeek.number, '受限空间', '东山石化有限公司', '待审核', false, east],
      [works.started.id, 113.556, 22.833, works.started.number, '受限空间', '东山涂料厂', '待审核', true, east],
    ]);
    expect(layers.unlocated.works).toBe(0);
    const overdue = new Map(layers.hazards.map((row) => [row[0], row[6]]));
    // On 03-23 the hazard due 03-16 is past its deadline; the one due 04-30 is not.
    expect(overdue.get(hazards.dueToday.id)).toBe(true);
    expect(overdue.get(hazards.overdue.id)).toBe(true);
    expect(overdue.get(hazards.atSite.id)).toBe(false);
  });
});

describe('maps.villageRisk', () => {
  let h: Harness;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    h = await open(300);
    for (const name of ['东山村', '南塘村', '北坑村', '西岭村', '新围社区', '测试村', '龙井村', '已撤并村']) ids[name] = await h.village(name);
    await h.call('villages.delete', { id: ids['已撤并村'] });

    const many = async (n: number, villageId: number, riskLevel: 'red' | 'orange' | 'yellow' | 'blue', prefix: string) => {
      const made: Out<'enterprises.create'>[] = [];
      for (let i = 1; i <= n; i += 1) made.push(await h.enterprise({ name: `${prefix}${riskLevel}${i}`, villageId, riskLevel }));
      return made;
    };
    const openHazard = (target: { enterpriseId: number } | { idleSiteId: number }, level: '一般' | '重大') =>
      h.call('hazards.create', hazard(target, { level, deadline: '2026-04-30', description: `${level}隐患` }));
    const tank = (code: string, owner: { enterpriseId: number } | { idleSiteId: number }, status: '在用' | '停用' | '已清空' = '在用') =>
      h.call('tanks.create', { code, registeredOn: '2026-02-01', status, ...owner });

    // 东山村: 2 red, 1 orange, 1 blue; 1 open major and 2 open general hazards; 2 tanks in use.
    // Not counted: a deleted red enterprise, a closed hazard, a 停用 tank.
    const [red1] = await many(2, ids['东山村'], 'red', '东山');
    await many(1, ids['东山村'], 'orange', '东山');
    await many(1, ids['东山村'], 'blue', '东山');
    const [deletedRed] = await many(1, ids['东山村'], 'red', '东山已删');
    await h.call('enterprises.delete', { id: deletedRed.id });
    // Closed or deregistered enterprises carry no risk: not counted either.
    await h.enterprise({ name: '东山关闭红色企业', villageId: ids['东山村'], riskLevel: 'red', status: '关闭' });
    await h.enterprise({ name: '东山注销橙色企业', villageId: ids['东山村'], riskLevel: 'orange', status: '注销' });
    await openHazard({ enterpriseId: red1.id }, '重大');
    await openHazard({ enterpriseId: red1.id }, '一般');
    await openHazard({ enterpriseId: red1.id }, '一般');
    const closed = await openHazard({ enterpriseId: red1.id }, '重大');
    await h.call('hazards.transition', { id: closed.id, action: 'submitForReview', on: '2026-03-10', remark: '已整改' });
    await h.call('hazards.transition', { id: closed.id, action: 'reinspect', passed: true, reinspector: '周敏', on: '2026-03-11' });
    await tank('D-01', { enterpriseId: red1.id });
    await tank('D-02', { enterpriseId: red1.id });
    await tank('D-03', { enterpriseId: red1.id }, '停用');

    // 南塘村: 2 orange, 3 yellow, 2 blue, 1 open major hazard on an enterprise; an idle site with 1 open general
    // hazard and 1 tank in use (they count for the site's village).
    const [orange1] = await many(2, ids['南塘村'], 'orange', '南塘');
    await many(3, ids['南塘村'], 'yellow', '南塘');
    await many(2, ids['南塘村'], 'blue', '南塘');
    await openHazard({ enterpriseId: orange1.id }, '重大');
    const site = await h.call('idleSites.create', { name: '南塘闲置仓库', kind: '仓库', villageId: ids['南塘村'], foundOn: '2026-03-01' });
    await openHazard({ idleSiteId: site.id }, '一般');
    await tank('N-01', { idleSiteId: site.id });

    // 北坑村: 4 orange.
    await many(4, ids['北坑村'], 'orange', '北坑');

    // 西岭村: 4 yellow, 2 tanks in use and 1 已清空 on one of them.
    const [yellow1] = await many(4, ids['西岭村'], 'yellow', '西岭');
    await tank('X-01', { enterpriseId: yellow1.id });
    await tank('X-02', { enterpriseId: yellow1.id });
    await tank('X-03', { enterpriseId: yellow1.id }, '已清空');

    // 新围社区: 4 blue and 5 open general hazards on one of them.
    const [blue1] = await many(4, ids['新围社区'], 'blue', '新围');
    for (let i = 0; i < 5; i += 1) await openHazard({ enterpriseId: blue1.id }, '一般');

    // 测试村 and 龙井村: nothing.
  });
  afterAll(() => h.backend.dispose());

  it('counts each factor per village and scores it by hand-checked weights', async () => {
    const { rows } = await h.call('maps.villageRisk', {});
    const byName = Object.fromEntries(rows.map((row) => [row.villageName, row]));
    const counts = (red: number, orange: number, yellow: number, blue: number, major: number, general: number, tanks: number) => ({
      redEnterprises: red,
      orangeEnterprises: orange,
      yellowEnterprises: yellow,
      blueEnterprises: blue,
      openMajorHazards: major,
      openGeneralHazards: general,
      tanksInUse: tanks,
    });
    // 2×10 + 1×5 + 1×1 + 1×10 + 2×1 + 2×1 = 40
    expect(byName['东山村']).toMatchObject({ villageId: ids['东山村'], ...counts(2, 1, 0, 1, 1, 2, 2), score: 40 });
    // 2×5 + 3×2 + 2×1 + 1×10 + 1×1 + 1×1 = 30
    expect(byName['南塘村']).toMatchObject({ villageId: ids['南塘村'], ...counts(0, 2, 3, 2, 1, 1, 1), score: 30 });
    // 4×5 = 20
    expect(byName['北坑村']).toMatchObject({ ...counts(0, 4, 0, 0, 0, 0, 0), score: 20 });
    // 4×2 + 2×1 = 10
    expect(byName['西岭村']).toMatchObject({ ...counts(0, 0, 4, 0, 0, 0, 2), score: 10 });
    // 4×1 + 5×1 = 9
    expect(byName['新围社区']).toMatchObject({ ...counts(0, 0, 0, 4, 0, 5, 0), score: 9 });
    expect(byName['测试村']).toMatchObject({ ...counts(0, 0, 0, 0, 0, 0, 0), score: 0 });
    expect(byName['龙井村']).toMatchObject({ ...counts(0, 0, 0, 0, 0, 0, 0), score: 0 });
  });

  it('lists live villages only, highest score first, with levels read against the highest', async () => {
    const result = await h.call('maps.villageRisk', {});
    expect(result.highest).toBe(40);
    // 30/40 = 75 % → red; 20/40 = 50 % → orange; 10/40 = 25 % → yellow; 9/40 → blue; 0 → blue. Ties by name (拼音).
    expect(result.rows.map((row) => [row.villageName, row.score, row.level])).toEqual([
      ['东山村', 40, 'red'],
      ['南塘村', 30, 'red'],
      ['北坑村', 20, 'orange'],
      ['西岭村', 10, 'yellow'],
      ['新围社区', 9, 'blue'],
      ['测试村', 0, 'blue'],
      ['龙井村', 0, 'blue'],
    ]);
  });

  it('marks the villages that have a polygon in the shipped demo boundary as on the map', async () => {
    const { rows } = await h.call('maps.villageRisk', {});
    const onMap = Object.fromEntries(rows.map((row) => [row.villageName, row.onMap]));
    expect(onMap).toEqual({ 东山村: true, 南塘村: true, 北坑村: true, 西岭村: true, 新围社区: true, 龙井村: true, 测试村: false });
  });
});

describe('maps.villageRisk in a town with nothing to score', () => {
  it('gives every village 0 and blue, and highest 0', async () => {
    const h = await open(500);
    try {
      await h.village('东山村');
      await h.village('测试村');
      const result = await h.call('maps.villageRisk', {});
      expect(result.highest).toBe(0);
      expect(result.rows.map((row) => [row.villageName, row.score, row.level])).toEqual([
        ['测试村', 0, 'blue'],
        ['东山村', 0, 'blue'],
      ]);
    } finally {
      h.backend.dispose();
    }
  });
});

describe('maps.misplacedRecords against the shipped demo boundary', () => {
  // Checked by hand against resources/maps/demo-town.geojson: (113.555, 22.832) lies only in 东山村's polygon,
  // (113.572, 22.802) only in 南塘村's, and (113.0, 22.0) in none (the town spans about 113.54–113.61 E).
  const inDongshan = { longitude: 113.555, latitude: 22.832 };
  const inNantang = { longitude: 113.572, latitude: 22.802 };
  const farAway = { longitude: 113.0, latitude: 22.0 };

  let h: Harness;
  const ids: Record<string, number> = {};
  let home: Out<'enterprises.create'>;
  let strayed: Out<'enterprises.create'>;
  let lost: Out<'enterprises.create'>;
  let noPolygon: Out<'enterprises.create'>;
  let site: Out<'idleSites.create'>;
  let outsideTank: Out<'tanks.create'>;
  let ownerPlacedTank: Out<'tanks.create'>;

  beforeAll(async () => {
    h = await open(700);
    for (const name of ['东山村', '南塘村', '测试村']) ids[name] = await h.village(name);
    home = await h.enterprise({ name: '在本村的企业', villageId: ids['东山村'], ...inDongshan });
    strayed = await h.enterprise({ name: '落在南塘村的东山企业', villageId: ids['东山村'], ...inNantang });
    lost = await h.enterprise({ name: '落在镇外的南塘企业', villageId: ids['南塘村'], ...farAway });
    // 测试村 has no polygon: its enterprise inside 东山村's polygon is not judged "another village".
    noPolygon = await h.enterprise({ name: '测试村企业', villageId: ids['测试村'], ...inDongshan });
    await h.enterprise({ name: '无坐标企业', villageId: ids['东山村'] });
    const deleted = await h.enterprise({ name: '已删除的镇外企业', villageId: ids['东山村'], ...farAway });
    await h.call('enterprises.delete', { id: deleted.id });
    site = await h.call('idleSites.create', { name: '南塘旧仓库', kind: '仓库', villageId: ids['南塘村'], foundOn: '2026-03-01', ...inDongshan });
    ownerPlacedTank = await h.call('tanks.create', { code: 'T-01', enterpriseId: home.id, registeredOn: '2026-02-01' });
    outsideTank = await h.call('tanks.create', { code: 'T-02', enterpriseId: home.id, registeredOn: '2026-02-01', ...farAway });
    // A 已拆除 tank is history: where it stood is not checked.
    await h.call('tanks.create', { code: 'T-04', enterpriseId: home.id, registeredOn: '2026-02-01', status: '已拆除', ...farAway });
    const deletedTank = await h.call('tanks.create', { code: 'T-03', enterpriseId: home.id, registeredOn: '2026-02-01', ...farAway });
    await h.call('tanks.delete', { id: deletedTank.id });
    const deletedSite = await h.call('idleSites.create', { name: '已删除的镇外场所', kind: '院落', villageId: ids['东山村'], foundOn: '2026-03-01', ...farAway });
    await h.call('idleSites.delete', { id: deletedSite.id });
  });
  afterAll(() => h.backend.dispose());

  it('reports records outside every polygon or in another village’s, and nothing else', async () => {
    const { rows } = await h.call('maps.misplacedRecords', {});
    const sorted = [...rows].sort((a, b) => a.kind.localeCompare(b.kind) || a.id - b.id);
    expect(sorted).toEqual([
      { kind: 'enterprise', id: strayed.id, name: '落在南塘村的东山企业', villageName: '东山村', ...inNantang, problem: 'otherVillage', foundInVillageName: '南塘村' },
      { kind: 'enterprise', id: lost.id, name: '落在镇外的南塘企业', villageName: '南塘村', ...farAway, problem: 'outside', foundInVillageName: null },
      { kind: 'idleSite', id: site.id, name: '南塘旧仓库', villageName: '南塘村', ...inDongshan, problem: 'otherVillage', foundInVillageName: '东山村' },
      { kind: 'tank', id: outsideTank.id, name: 'T-02（在本村的企业）', villageName: '东山村', ...farAway, problem: 'outside', foundInVillageName: null },
    ]);
    const listed = rows.map((row) => `${row.kind}:${row.id}`);
    expect(listed).not.toContain(`enterprise:${home.id}`);
    expect(listed).not.toContain(`enterprise:${noPolygon.id}`);
    expect(listed).not.toContain(`tank:${ownerPlacedTank.id}`);
  });

  it('counts what it checked: located live enterprises and idle sites, and tanks with their own coordinates', async () => {
    const { checked } = await h.call('maps.misplacedRecords', {});
    // 4 located live enterprises + 1 idle site + T-02. Not: the enterprise without coordinates, the deleted
    // enterprise, idle site and tank T-03, the 已拆除 T-04, nor T-01 (placed at its owner).
    expect(checked).toBe(6);
  });
});
