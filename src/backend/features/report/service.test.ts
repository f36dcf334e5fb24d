import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiName, In, Out } from '../../../shared/api';
import type { Report, ReportFigure, ReportSection } from '../../../shared/api/report';
import { makeTestBackend } from '../../../../tests/fixtures/backend';
import { filing, hazard, open, type Harness } from '../../../../tests/fixtures/registryHarness';

/**
 * 工作汇报 over a small hand-built town (an empty backend, so every count is this file's own records), standing
 * at Wednesday 2026-04-15 08:00. Records sit on both sides of the Q1/Q2 boundary (2026-03-31 and 2026-04-01),
 * in Q4 2025 (the period before Q1 2026) and in Q1 2025 (the same period last year). Every expected number
 * below is counted by hand from the records as they are created, not read from the output.
 *
 * The town: 东山村 (A), 西岭村 (B) and 南塘村 (C, with nothing in it).
 *   东山石化 (A, 危化生产), 东山五金 (A, 工贸-机械), 西岭化工 (B, 化工).
 *   Idle sites: 东山旧砖厂 (A, found 2026-03-31, 非法储存 → 取缔), 西岭院落 (B, 2026-02-10, 无违法),
 *   西岭旧厂房 (B, 2026-01-15, 其他违法 → 停业整顿, sealed), 西岭仓库 (B, 2026-04-01, 非法生产 → 贴封条),
 *   东山场地 (A, 2025-03-05, 违规作业 → 待处置), 东山空院 (A, 2025-12-20, 无违法), one deleted (A, 2026-03-01).
 */
const now = '2026-04-15T08:00:00.000Z';

const figureOf = (report: Report, key: string): ReportFigure => {
  const figure = report.figures.find((candidate) => candidate.key === key);
  if (!figure) throw new Error(`no figure ${key}`);
  return figure;
};

/** value / previous / lastYear of every figure named, as one object (to compare with hand counts at once). */
function triples(report: Report, keys: readonly string[]): Record<string, [number | null, number | null, number | null]> {
  return Object.fromEntries(keys.map((key) => [key, [figureOf(report, key).value, figureOf(report, key).previous, figureOf(report, key).lastYear]]));
}

function values(report: Report, keys: readonly string[]): Record<string, number | null> {
  return Object.fromEntries(keys.map((key) => [key, figureOf(report, key).value]));
}

/** A paragraph as read: its text with each figure segment replaced by the figure's value. */
function textOf(report: Report, section: ReportSection): string {
  return section.segments.map((segment) => ('text' in segment ? segment.text : String(figureOf(report, segment.figure).value))).join('');
}

const sectionText = (report: Report, key: string) => textOf(report, report.sections.find((section) => section.key === key)!);

/** Calls the API as a signed-in user (a harness's, or a backend's admin). */
type Caller = <N extends ApiName>(name: N, input: In<N>) => Promise<Out<N>>;

/** Each figure that links to a list: the list under the figure's filters has exactly as many records. */
async function listTotal(call: Caller, source: NonNullable<ReportFigure['source']>): Promise<number> {
  const page = { page: 1, pageSize: 1 };
  const filters = source.filters as Record<string, never>;
  switch (source.list) {
    case 'inspections':
      return (await call('inspections.list', { ...filters, ...page })).total;
    case 'orders':
      return (await call('orders.list', { ...filters, ...page })).total;
    case 'hazards':
      return (await call('hazards.list', { ...filters, ...page })).total;
    case 'tanks':
      return (await call('tanks.list', { ...filters, ...page })).total;
    case 'idleSites':
      return (await call('idleSites.list', { ...filters, ...page })).total;
    case 'filings':
      return (await call('filings.list', { ...filters, ...page })).total;
    case 'planFilings':
      return (await call('planFilings.list', { ...filters, ...page })).total;
    case 'drills':
      return (await call('drills.list', { ...filters, ...page })).total;
    case 'plans':
      return (await call('plans.list', { ...filters, ...page })).total;
  }
}

async function expectSourcesMatch(call: Caller, report: Report): Promise<string[]> {
  const linked = report.figures.filter((figure) => figure.source !== null);
  const mismatches: string[] = [];
  for (const figure of linked) {
    const total = await listTotal(call, figure.source!);
    if (total !== figure.value) mismatches.push(`${figure.key}: figure ${figure.value}, list ${total} (${JSON.stringify(figure.source)})`);
  }
  expect(mismatches).toEqual([]);
  return linked.map((figure) => figure.key);
}


const filingKinds = ['动火', '受限空间', '盲板抽堵', '高处', '吊装', '临时用电', '动土', '断路', '切割', '拆解', '外来施工'] as const;

describe('report.generate on a small town around the Q1/Q2 2026 boundary', () => {
  let h: Harness;
  let A: number;
  let B: number;
  let C: number;

  beforeAll(async () => {
    h = await open(900, now);
    A = await h.village('东山村');
    B = await h.village('西岭村');
    C = await h.village('南塘村');
    const refinery = await h.enterprise({ name: '东山石化有限公司', villageId: A, industry: '危化生产', riskLevel: 'red' });
    const workshop = await h.enterprise({ name: '东山五金厂', villageId: A });
    const plant = await h.enterprise({ name: '西岭化工厂', villageId: B, industry: '化工', riskLevel: 'yellow' });

    // ── Idle sites ──
    const site = (fields: Partial<In<'idleSites.create'>> & Pick<In<'idleSites.create'>, 'name' | 'villageId' | 'foundOn'>) =>
      h.call('idleSites.create', { kind: '厂房', ...fields });
    const brickyard = await site({ name: '东山旧砖厂', villageId: A, foundOn: '2026-03-31', finding: '非法储存', disposal: '取缔', disposedOn: '2026-03-31' });
    await site({ name: '西岭院落', villageId: B, foundOn: '2026-02-10' });
    await site({ name: '西岭旧厂房', villageId: B, foundOn: '2026-01-15', finding: '其他违法', disposal: '停业整顿', disposedOn: '2026-01-20', sealed: true });
    await site({ name: '西岭仓库', villageId: B, foundOn: '2026-04-01', finding: '非法生产', disposal: '贴封条', disposedOn: '2026-04-01' });
    await site({ name: '东山场地', villageId: A, foundOn: '2025-03-05', finding: '违规作业', disposal: '待处置' });
    await site({ name: '东山空院', villageId: A, foundOn: '2025-12-20' });
    const deletedSite = await site({ name: '误录的场所', villageId: A, foundOn: '2026-03-01' });
    await h.call('idleSites.delete', { id: deletedSite.id });

    // ── Inspections and hazards ──
    const found = (deadline: string, description: string, level: '一般' | '重大' = '一般') => ({ place: '罐区', description, level, deadline });
    const inspect = (target: { enterpriseId: number } | { idleSiteId: number }, inspectedOn: string, hazards: ReturnType<typeof found>[] = []) =>
      h.call('inspections.create', { ...target, inspectedOn, kind: '日常', inspectors: '王检查', hazards });
    const hazardsOf = async (inspection: Out<'inspections.create'>) => (await h.call('inspections.get', { id: inspection.id })).hazards;
    const close = async (id: number, on: string) => {
      await h.call('hazards.transition', { id, action: 'submitForReview', on, remark: '已整改' });
      const closed = await h.call('hazards.transition', { id, action: 'reinspect', passed: true, reinspector: '周敏', on });
      expect(closed.status).toBe('已销号');
    };

    // Q1 2026. i1: 东山石化 on 03-31, h1 (open, due 04-10: overdue on 04-15) and h2 (重大, closed 04-02).
    const i1 = await inspect({ enterpriseId: refinery.id }, '2026-03-31', [found('2026-04-10', '报警器未检定'), found('2026-04-30', '储罐无液位报警', '重大')]);
    const [h1, h2] = (await hazardsOf(i1)).sort((a, b) => a.id - b.id);
    // i2: 东山石化 again on 02-15, h3 closed 03-10.
    const [h3] = await hazardsOf(await inspect({ enterpriseId: refinery.id }, '2026-02-15', [found('2026-03-15', '消防通道堵塞')]));
    // i3: 西岭化工 on 01-20, h4 closed 03-20.
    const [h4] = await hazardsOf(await inspect({ enterpriseId: plant.id }, '2026-01-20', [found('2026-05-30', '静电接地缺失')]));
    // i4: the idle site 东山旧砖厂 on 03-31 (a site, not an enterprise visit), h5 closed 04-03.
    const [h5] = await hazardsOf(await inspect({ idleSiteId: brickyard.id }, '2026-03-31', [found('2026-04-05', '院内堆放油桶')]));
    // h9: self-reported by 西岭化工 on 03-31, open, due 04-20 (not yet overdue).
    await h.call('hazards.create', { ...hazard({ enterpriseId: plant.id }, { level: '一般', deadline: '2026-04-20', description: '安全标志缺失' }), foundOn: '2026-03-31' });
    // Deleted: not counted.
    const deletedHazard = await h.call('hazards.create', { ...hazard({ enterpriseId: plant.id }, { level: '一般', deadline: '2026-04-20', description: '误录' }), foundOn: '2026-03-15' });
    await h.call('hazards.delete', { id: deletedHazard.id });

    // Q2 2026. i5: 东山五金 on 04-01, h6 open.
    const [h6] = await hazardsOf(await inspect({ enterpriseId: workshop.id }, '2026-04-01', [found('2026-04-30', '砂轮机无防护罩')]));
    // Q4 2025. i6: 西岭化工 on 2025-12-31, h7 closed 2026-01-05.
    const [h7] = await hazardsOf(await inspect({ enterpriseId: plant.id }, '2025-12-31', [found('2026-01-10', '应急器材过期')]));
    // Q1 2025. i7: 东山五金 on 2025-03-31, h8 重大 open (overdue); i8: 东山五金 on 2025-01-10, nothing found.
    const [h8] = await hazardsOf(await inspect({ enterpriseId: workshop.id }, '2025-03-31', [found('2025-04-30', '配电柜无门', '重大')]));
    await inspect({ enterpriseId: workshop.id }, '2025-01-10');

    // Orders: Q1 2026 one in A (h1, 03-31) and one in B (h4, 01-21); Q2 2026 one (h6); Q1 2025 one (h8).
    const order = (hazardId: number, issuedOn: string, deadline: string) => h.call('orders.create', { hazardIds: [hazardId], issuedOn, deadline, officers: '王执法、李执法' });
    await order(h1.id, '2026-03-31', '2026-04-10');
    await order(h4.id, '2026-01-21', '2026-05-30');
    await order(h6.id, '2026-04-01', '2026-04-30');
    await order(h8.id, '2025-03-31', '2025-04-30');

    await close(h3.id, '2026-03-10');
    await close(h4.id, '2026-03-20');
    await close(h2.id, '2026-04-02');
    await close(h5.id, '2026-04-03');
    await close(h7.id, '2026-01-05');

    // ── Tanks ──
    const tank = (code: string, owner: { enterpriseId: number } | { idleSiteId: number }, registeredOn: string) => h.call('tanks.create', { code, registeredOn, ...owner });
    await tank('T-01', { enterpriseId: refinery.id }, '2026-01-10');
    // Registered on the first day of Q2: not there as of 03-31.
    await tank('T-02', { enterpriseId: refinery.id }, '2026-04-01');
    // In use from 2025-06-01, 已拆除 on 2026-03-20: there at the end of 2025, gone by 03-31.
    const removed = await tank('T-03', { enterpriseId: refinery.id }, '2025-06-01');
    await h.call('tanks.changeStatus', { ids: [removed.id], status: '已拆除', changedOn: '2026-03-20', reason: '装置拆除' });
    await tank('C-01', { enterpriseId: plant.id }, '2025-01-05');
    await tank('X-01', { idleSiteId: brickyard.id }, '2026-03-31');
    const deletedTank = await tank('T-09', { enterpriseId: refinery.id }, '2026-01-10');
    await h.call('tanks.delete', { id: deletedTank.id });

    // ── Special-work filings ──
    await h.call('filings.create', filing(refinery.id, '2026-03-31'));
    // Spans midnight across the boundary: counts in Q1 and in Q2.
    await h.call('filings.create', { ...filing(refinery.id, '2026-03-31'), place: '二号储罐', plannedStart: '2026-03-31 23:00', plannedEnd: '2026-04-01 01:00' });
    await h.call('filings.create', { ...filing(plant.id, '2026-02-10'), kind: '动土', place: '厂区东侧', content: '开挖管沟' });
    await h.call('filings.create', filing(workshop.id, '2026-04-01'));
    await h.call('filings.create', filing(plant.id, '2025-12-31'));
    await h.call('filings.create', filing(refinery.id, '2025-03-31'));
    const deletedFiling = await h.call('filings.create', filing(plant.id, '2026-03-02'));
    await h.call('filings.delete', { id: deletedFiling.id });

    // ── Plans and plan filings ──
    const version = (issuedOn: string) => ({ version: 'V1.0', issuedOn });
    const refineryPlan = await h.call('plans.create', { ownerType: 'enterprise', enterpriseId: refinery.id, kind: '综合预案', name: '东山石化综合应急预案', ...version('2026-03-31') });
    const villagePlan = await h.call('plans.create', { ownerType: 'village', villageId: B, kind: '总体预案', name: '西岭村总体应急预案', ...version('2026-04-01') });
    const townPlan = await h.call('plans.create', { ownerType: 'town', kind: '总体预案', name: '示例镇总体应急预案', ...version('2025-12-10') });
    const plantPlan = await h.call('plans.create', { ownerType: 'enterprise', enterpriseId: plant.id, kind: '综合预案', name: '西岭化工综合应急预案', ...version('2025-02-01') });
    const receive = (planId: number, receivedOn: string) => h.call('planFilings.create', { planId, receivedOn });
    await receive(refineryPlan.id, '2026-03-31');
    await receive(villagePlan.id, '2026-04-01');
    await receive(plantPlan.id, '2025-03-01');
    // The town plan's first version is filed in Q4 2025, then revised in Q1 2026 and filed again: the plan counts as
    // issued in Q1 2026 (its current version), not in Q4 2025.
    await receive(townPlan.id, '2025-12-15');
    await h.call('plans.revise', { id: townPlan.id, version: 'V2.0', issuedOn: '2026-02-01', revisionTrigger: '应急指挥机构及其职责发生调整' });
    await receive(townPlan.id, '2026-02-05');

    // ── Drills ──
    const drill = (owner: Partial<In<'drills.create'>>, heldOn: string, form: '实战演练' | '桌面推演', participants: number) =>
      h.call('drills.create', { ownerType: 'town', ...owner, name: `${heldOn}演练`, heldOn, scope: '综合演练', form, organiser: '应急办', participants } as In<'drills.create'>);
    await drill({ ownerType: 'enterprise', enterpriseId: refinery.id }, '2026-03-31', '实战演练', 30);
    await drill({ ownerType: 'village', villageId: B }, '2026-02-20', '桌面推演', 12);
    await drill({}, '2026-01-10', '实战演练', 40);
    await drill({}, '2026-04-01', '实战演练', 50);
    await drill({}, '2025-12-31', '桌面推演', 8);
    await drill({ ownerType: 'enterprise', enterpriseId: refinery.id }, '2025-03-31', '实战演练', 20);
    const deletedDrill = await drill({ ownerType: 'enterprise', enterpriseId: refinery.id }, '2026-03-01', '实战演练', 99);
    await h.call('drills.delete', { id: deletedDrill.id });
  }, 60_000);
  afterAll(() => h.backend.dispose());

  it('names the period, the period before and the same period last year', async () => {
    const report = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1 });
    expect(report.period).toEqual({ from: '2026-01-01', to: '2026-03-31', label: '2026年第一季度' });
    expect(report.previous).toEqual({ from: '2025-10-01', to: '2025-12-31', label: '2025年第四季度' });
    expect(report.lastYear).toEqual({ from: '2025-01-01', to: '2025-03-31', label: '2025年第一季度' });
    expect(report.title).toBe('示例镇2026年第一季度安全生产工作情况汇报');
    expect(report.unit).toBe('示例镇应急管理办公室');
    expect(report.scopeLabel).toBe('全镇');
  });

  it('counts every figure of Q1 2026, Q4 2025 and Q1 2025 for the whole town', async () => {
    const report = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1 });
    // [Q1 2026, Q4 2025, Q1 2025]
    expect(triples(report, ['inspections', 'enterprisesChecked', 'idleSitesChecked', 'orders'])).toEqual({
      // i1, i2 (东山石化), i3 (西岭化工) | i6 | i7, i8 (both 东山五金). The idle-site visit i4 is not an enterprise visit.
      inspections: [3, 1, 2],
      enterprisesChecked: [2, 1, 1],
      idleSitesChecked: [1, 0, 0],
      orders: [2, 0, 1],
    });
    expect(triples(report, ['hazardsFound', 'hazardsRectified', 'rectificationRate', 'majorFound', 'majorClosed', 'overdue'])).toEqual({
      // h1 h2 h3 h4 h5 h9 | h7 | h8
      hazardsFound: [6, 1, 1],
      // Closed now: h2 h3 h4 h5 (h2 and h5 closed in April still count: 已销号 as of today) | h7 | —
      hazardsRectified: [4, 1, 0],
      // 4/6 = 66.67 % → 66.7
      rectificationRate: [66.7, 100, 0],
      majorFound: [1, 0, 1],
      majorClosed: [1, 0, 0],
      // Open and past the deadline on 04-15: h1 (due 04-10), not h9 (due 04-20) | — | h8 (due 2025-04-30)
      overdue: [1, 0, 1],
    });
    expect(triples(report, ['tanksHazardous', 'tanksChemical', 'tanksIdleSite', 'tanksTotal'])).toEqual({
      // As of 03-31: T-01 (not T-02, registered 04-01; not T-03, 已拆除 03-20) | T-03 | —
      tanksHazardous: [1, 1, 0],
      // C-01, registered 2025-01-05, in all three
      tanksChemical: [1, 1, 1],
      // X-01, registered 2026-03-31
      tanksIdleSite: [1, 0, 0],
      tanksTotal: [3, 2, 1],
    });
    expect(
      triples(report, ['idleSitesFound', 'idleSitesIllegal', 'idleSites:待处置', 'idleSites:停业整顿', 'idleSites:取缔', 'idleSites:关闭', 'idleSites:清理完毕', 'idleSites:贴封条', 'idleSitesSealed']),
    ).toEqual({
      // 东山旧砖厂, 西岭院落, 西岭旧厂房 | 东山空院 | 东山场地 (the deleted one and 西岭仓库 of 04-01 not)
      idleSitesFound: [3, 1, 1],
      idleSitesIllegal: [2, 0, 1],
      'idleSites:待处置': [0, 0, 1],
      'idleSites:停业整顿': [1, 0, 0],
      'idleSites:取缔': [1, 0, 0],
      'idleSites:关闭': [0, 0, 0],
      'idleSites:清理完毕': [0, 0, 0],
      'idleSites:贴封条': [0, 0, 0],
      idleSitesSealed: [1, 0, 0],
    });
    const filingCounts = triples(report, ['filingsTotal', ...filingKinds.map((kind) => `filings:${kind}`)]);
    expect(filingCounts).toEqual({
      // 03-31 09:00, 03-31 23:00–04-01 01:00, 动土 02-10 | 2025-12-31 | 2025-03-31
      filingsTotal: [3, 1, 1],
      ...Object.fromEntries(filingKinds.map((kind) => [`filings:${kind}`, [0, 0, 0]])),
      'filings:受限空间': [2, 1, 1],
      'filings:动土': [1, 0, 0],
    });
    expect(triples(report, ['plansIssued', 'planFilings', 'drills', 'drillsActual', 'drillsTabletop', 'drillParticipants'])).toEqual({
      // 东山石化 (03-31) and the town plan (current version 02-01) | none (the town plan's V1 is no longer current) | 西岭化工
      plansIssued: [2, 0, 1],
      // 东山石化 03-31, town V2 02-05 | town V1 2025-12-15 | 西岭化工 2025-03-01
      planFilings: [2, 1, 1],
      // 03-31 (30), 02-20 (12), 01-10 (40) | 2025-12-31 (8) | 2025-03-31 (20)
      drills: [3, 1, 1],
      drillsActual: [2, 0, 1],
      drillsTabletop: [1, 1, 0],
      drillParticipants: [82, 8, 20],
    });
    expect(report.figures).toHaveLength(
      // 24 named + 6 idle-site disposals + 11 filing kinds
      41,
    );
  });

  it('writes the paragraphs in the offices’ wording with the figures in place', async () => {
    const report = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1 });
    expect(sectionText(report, 'hazards')).toBe(
      '2026年第一季度，共检查企业3家次（2家）、“四闲”场所1处，下达责令限期整改指令书2份，查出问题隐患6条，已整改4条，整改率66.7%；其中重大隐患1条，已销号1条；逾期未整改1条，已督促限期整改。',
    );
    expect(sectionText(report, 'tanks')).toBe('截至3月31日，全镇共摸排危险化学品企业储罐1个，一般化工企业储罐1个，“四闲”场所储罐1个，合计3个。');
    expect(sectionText(report, 'idleSites')).toBe('2026年第一季度，排查“四闲”场所3处，发现非法违法行为2起，其中停业整顿1处、取缔1处，张贴封条1处。');
    expect(sectionText(report, 'filings')).toBe('2026年第一季度，受理特殊作业报备3起，其中受限空间作业2起、动土作业1起。');
    expect(sectionText(report, 'plans')).toBe('2026年第一季度，新发布应急预案2件，受理应急预案备案2件；开展应急演练3场（实战演练2场、桌面推演1场），参与82人次。');
    expect(report.sections.map((section) => section.title)).toEqual(['一、隐患排查治理', '二、危险化学品储罐排查', '三、“四闲”场所整治', '四、特殊作业报备', '五、应急预案与演练']);
  });

  it('tables hazards per village, the busiest first, every live village listed', async () => {
    const report = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1 });
    const [table] = report.sections.find((section) => section.key === 'hazards')!.tables;
    expect(table.columns).toEqual(['村（社区）', '检查企业（家次）', '查出隐患（条）', '已整改（条）', '整改率']);
    // 东山村: visits i1, i2 and the idle-site visit i4 (the table counts enterprise visits only: 2), hazards h1 h2 h3 h5,
    // closed h2 h3 h5. 西岭村: i3; h4 h9, closed h4. 南塘村: nothing.
    expect(table.rows).toEqual([
      ['东山村', 2, 4, 3, '75%'],
      ['西岭村', 1, 2, 1, '50%'],
      ['南塘村', 0, 0, 0, '—'],
    ]);
    const two = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1, villageIds: [A, C] });
    expect(two.sections[0].tables[0].rows).toEqual([
      ['东山村', 2, 4, 3, '75%'],
      ['南塘村', 0, 0, 0, '—'],
    ]);
    // One village: no table (its own paragraph says it all).
    const one = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1, villageIds: [B] });
    expect(one.sections[0].tables).toEqual([]);
  });

  it('counts hazards found and closed per month of the period', async () => {
    const report = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1 });
    // Found: h4 (01-20) | h3 (02-15) | h1 h2 h5 h9 (03-31). Closed: h7 (01-05, found in 2025) | — | h3 (03-10), h4 (03-20).
    expect(report.monthly).toEqual([
      { month: '2026-01', found: 1, rectified: 1 },
      { month: '2026-02', found: 1, rectified: 0 },
      { month: '2026-03', found: 4, rectified: 2 },
    ]);
    // 东山村 only: found h3 (02-15), h1 h2 h5 (03-31); closed h3 (03-10). h7 (closed 01-05) and h4 are 西岭村's.
    const east = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1, villageIds: [A] });
    expect(east.monthly).toEqual([
      { month: '2026-01', found: 0, rectified: 0 },
      { month: '2026-02', found: 1, rectified: 0 },
      { month: '2026-03', found: 3, rectified: 1 },
    ]);
  });

  it('counts only the chosen village, and sums several with the rate recomputed', async () => {
    const keys = [
      'inspections',
      'enterprisesChecked',
      'idleSitesChecked',
      'orders',
      'hazardsFound',
      'hazardsRectified',
      'rectificationRate',
      'majorFound',
      'majorClosed',
      'overdue',
      'tanksHazardous',
      'tanksChemical',
      'tanksIdleSite',
      'tanksTotal',
      'idleSitesFound',
      'idleSitesIllegal',
      'idleSitesSealed',
      'filingsTotal',
      'plansIssued',
      'planFilings',
      'drills',
      'drillsActual',
      'drillsTabletop',
      'drillParticipants',
    ];
    const a = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1, villageIds: [A] });
    expect(a.scopeLabel).toBe('东山村');
    expect(a.title).toBe('东山村2026年第一季度安全生产工作情况汇报');
    expect(values(a, keys)).toEqual({
      inspections: 2, // i1, i2
      enterprisesChecked: 1,
      idleSitesChecked: 1, // 东山旧砖厂
      orders: 1,
      hazardsFound: 4, // h1 h2 h3 h5
      hazardsRectified: 3, // h2 h3 h5
      rectificationRate: 75,
      majorFound: 1,
      majorClosed: 1,
      overdue: 1, // h1
      tanksHazardous: 1,
      tanksChemical: 0,
      tanksIdleSite: 1,
      tanksTotal: 2,
      idleSitesFound: 1, // 东山旧砖厂 (the deleted one not)
      idleSitesIllegal: 1,
      idleSitesSealed: 0,
      filingsTotal: 2,
      plansIssued: 1, // 东山石化's (the town's plan belongs to no village)
      planFilings: 1,
      drills: 1,
      drillsActual: 1,
      drillsTabletop: 0,
      drillParticipants: 30,
    });
    expect(figureOf(a, 'idleSites:取缔').value).toBe(1);
    // Q4 2025 in 东山村: only 东山空院 found; Q1 2025: i7, i8, h8, 东山场地, the filing and drill of 2025-03-31.
    expect([figureOf(a, 'idleSitesFound').previous, figureOf(a, 'inspections').previous, figureOf(a, 'tanksHazardous').previous]).toEqual([1, 0, 1]);
    expect([figureOf(a, 'inspections').lastYear, figureOf(a, 'hazardsFound').lastYear, figureOf(a, 'filingsTotal').lastYear, figureOf(a, 'drills').lastYear]).toEqual([2, 1, 1, 1]);
    expect(sectionText(a, 'tanks')).toBe('截至3月31日，东山村共摸排危险化学品企业储罐1个，一般化工企业储罐0个，“四闲”场所储罐1个，合计2个。');

    const b = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1, villageIds: [B] });
    expect(values(b, ['inspections', 'hazardsFound', 'hazardsRectified', 'rectificationRate', 'overdue', 'idleSitesFound', 'idleSitesSealed', 'drills', 'drillParticipants'])).toEqual({
      inspections: 1,
      hazardsFound: 2, // h4 h9
      hazardsRectified: 1,
      rectificationRate: 50,
      overdue: 0, // h9 is due 04-20
      idleSitesFound: 2, // 西岭院落, 西岭旧厂房
      idleSitesSealed: 1,
      drills: 1, // the village's own drill
      drillParticipants: 12,
    });

    // A and B together: the sums, and the rate of the sums (4/6 = 66.7 %), not the mean of 75 % and 50 %.
    const both = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1, villageIds: [A, B] });
    expect(both.scopeLabel).toBe('东山村、西岭村');
    expect(values(both, ['inspections', 'enterprisesChecked', 'hazardsFound', 'hazardsRectified', 'rectificationRate', 'overdue', 'tanksTotal', 'filingsTotal', 'plansIssued', 'planFilings', 'drills'])).toEqual({
      inspections: 3,
      enterprisesChecked: 2,
      hazardsFound: 6,
      hazardsRectified: 4,
      rectificationRate: 66.7,
      overdue: 1,
      tanksTotal: 3,
      filingsTotal: 3,
      // Without the town's own plan, filing and drill.
      plansIssued: 1,
      planFilings: 1,
      drills: 2,
    });
    // No list filters by several villages: no figure links.
    expect(both.figures.filter((figure) => figure.source !== null)).toEqual([]);
  });

  it('counts the filing across midnight of 03-31 in Q2 too, and the tank registered 04-01', async () => {
    const q2 = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 2 });
    expect(q2.period).toEqual({ from: '2026-04-01', to: '2026-06-30', label: '2026年第二季度' });
    // The night work and 东山五金's 04-01 filing.
    expect(figureOf(q2, 'filingsTotal').value).toBe(2);
    // i5 (东山五金) only; h6.
    expect(values(q2, ['inspections', 'hazardsFound', 'orders', 'idleSitesFound', 'plansIssued', 'planFilings', 'drills'])).toEqual({
      inspections: 1,
      hazardsFound: 1,
      orders: 1,
      idleSitesFound: 1, // 西岭仓库
      plansIssued: 1, // 西岭村's
      planFilings: 1,
      drills: 1,
    });
    // As of 06-30: T-01, T-02 (not the 已拆除 T-03, nor the deleted T-09); C-01; X-01.
    expect(values(q2, ['tanksHazardous', 'tanksChemical', 'tanksIdleSite', 'tanksTotal'])).toEqual({ tanksHazardous: 2, tanksChemical: 1, tanksIdleSite: 1, tanksTotal: 4 });
    // The previous period of Q2 is Q1: the same numbers as Q1's own report.
    expect(figureOf(q2, 'filingsTotal').previous).toBe(3);
    expect(figureOf(q2, 'hazardsFound').previous).toBe(6);
  });

  it('links each figure to a list whose total is the figure, for the whole town and for one village', async () => {
    const town = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1 });
    const linked = await expectSourcesMatch(h.call, town);
    expect(linked).toEqual(
      expect.arrayContaining(['orders', 'hazardsFound', 'hazardsRectified', 'majorFound', 'majorClosed', 'overdue', 'idleSitesFound', 'filingsTotal', 'filings:受限空间', 'filings:动土', 'planFilings', 'drills', 'drillsActual', 'drillsTabletop']),
    );
    expect(linked).not.toContain('tanksHazardous');
    // The inspection list shows the idle-site visit i4 too, which 检查企业（家次） leaves out: no link while Q1 has one.
    expect(figureOf(town, 'inspections').source).toBeNull();
    expect(figureOf(town, 'rectificationRate').source).toBeNull();
    expect(figureOf(town, 'drillParticipants').source).toBeNull();
    expect(figureOf(town, 'hazardsFound').source).toEqual({ list: 'hazards', filters: { from: '2026-01-01', to: '2026-03-31' } });

    const village = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1, villageIds: [A] });
    const villageLinked = await expectSourcesMatch(h.call, village);
    expect(villageLinked).toContain('hazardsFound');
    expect(figureOf(village, 'hazardsFound').source).toEqual({ list: 'hazards', filters: { from: '2026-01-01', to: '2026-03-31', villageId: A } });
    // The plan filing list cannot filter by village.
    expect(figureOf(village, 'planFilings').source).toBeNull();

    // 西岭村 had no idle-site visit in Q1: its inspections link.
    expect(await expectSourcesMatch(h.call, await h.call('report.generate', { kind: 'quarter', year: 2026, index: 1, villageIds: [B] }))).toContain('inspections');

    // Q2 (no idle-site visit yet) links its inspections. Tank counts never link, even for a period holding today:
    // the tank list would show the 已拆除 T-03 beside T-01 and T-02.
    const q2 = await h.call('report.generate', { kind: 'quarter', year: 2026, index: 2 });
    expect(await expectSourcesMatch(h.call, q2)).toContain('inspections');
    expect(['tanksHazardous', 'tanksChemical', 'tanksIdleSite', 'tanksTotal'].map((key) => figureOf(q2, key).source)).toEqual([null, null, null, null]);
    await expectSourcesMatch(h.call, await h.call('report.generate', { kind: 'quarter', year: 2026, index: 2, villageIds: [A] }));
  });

  it('refuses a custom period ending before it starts, and a quarter without its number', async () => {
    const backwards = await h.dispatch('report.generate', { kind: 'custom', year: 2026, from: '2026-03-31', to: '2026-03-01' });
    expect(backwards.ok).toBe(false);
    if (!backwards.ok) expect(backwards.error.fieldErrors?.to).toBe('结束日期不能早于开始日期');
    const noQuarter = await h.dispatch('report.generate', { kind: 'quarter', year: 2026 });
    expect(noQuarter.ok).toBe(false);
    if (!noQuarter.ok) expect(noQuarter.error.fieldErrors?.index).toBe('请选择月份、季度或半年');
    const fifthQuarter = await h.dispatch('report.generate', { kind: 'quarter', year: 2026, index: 5 });
    expect(fifthQuarter.ok).toBe(false);
  });

  it('reports a custom period against as many days before it and the same dates last year', async () => {
    const report = await h.call('report.generate', { kind: 'custom', year: 2026, from: '2026-03-31', to: '2026-04-01' });
    expect(report.period).toEqual({ from: '2026-03-31', to: '2026-04-01', label: '2026年3月31日至2026年4月1日' });
    expect(report.previous).toEqual({ from: '2026-03-29', to: '2026-03-30', label: '2026年3月29日至2026年3月30日' });
    // Both sides of the boundary: 03-31 ×2 (one across midnight) and 04-01 filings; i1, i5 visits; h1 h2 h5 h9 h6.
    expect(values(report, ['filingsTotal', 'inspections', 'hazardsFound', 'drills'])).toEqual({ filingsTotal: 3, inspections: 2, hazardsFound: 5, drills: 2 });
    expect(figureOf(report, 'inspections').lastYear).toBe(1); // i7 on 2025-03-31
    expect(report.monthly.map((month) => month.month)).toEqual(['2026-03', '2026-04']);
  });
});

describe('report.generate on the small demo town', () => {
  it('links every figure it can to a list whose total is the figure: the quarter and the year, the town and a village', async () => {
    const backend = await makeTestBackend({ loadDemo: true });
    try {
      const call: Caller = (name, input) => backend.call(name, input);
      const village = (await backend.call('villages.list', { pageSize: 1, sortField: 'code', sortOrder: 'ascend' })).items[0];
      // The frozen clock stands in 2026-03: Q1 and the year hold the demo's records.
      for (const request of [{ kind: 'quarter', year: 2026, index: 1 }, { kind: 'year', year: 2026 }] as const) {
        const town = await backend.call('report.generate', request);
        expect(figureOf(town, 'hazardsFound').value).toBeGreaterThan(0);
        expect(await expectSourcesMatch(call, town)).toEqual(expect.arrayContaining(['hazardsFound', 'hazardsRectified', 'orders', 'filingsTotal', 'drills']));
        await expectSourcesMatch(call, await backend.call('report.generate', { ...request, villageIds: [village.id] }));
      }
    } finally {
      backend.dispose();
    }
  });
});
