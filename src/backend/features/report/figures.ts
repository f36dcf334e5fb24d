import type { FigureSource } from '../../../shared/api/report';
import { rectificationRate } from '../../../shared/domain/hazard';
import { idleSiteDisposals } from '../../../shared/domain/idleSite';
import { specialWorkKinds } from '../../../shared/domain/specialWork';
import { addDays } from '../../../shared/domain/holidays';
import type { HandlerContext } from '../../api/context';
import { drillTotals } from '../drills/service';
import { hazardStatistics } from '../hazards/service';
import { idleSiteSummary } from '../idleSites/service';
import { inVillageSql } from '../plans/owners';
import { tankSummary } from '../tanks/service';

/** What a report is about: a period, and the whole town (no villages) or some villages. */
export interface ReportScope {
  from: string;
  to: string;
  villageIds: readonly number[];
}

/** Every figure a report can state, in the order of the comparison table. */
export const figureDefinitions = [
  { key: 'inspections', label: '检查企业', unit: '家次' },
  { key: 'enterprisesChecked', label: '检查企业（去重）', unit: '家' },
  { key: 'idleSitesChecked', label: '检查“四闲”场所', unit: '处' },
  { key: 'orders', label: '下达责令限期整改指令书', unit: '份' },
  { key: 'hazardsFound', label: '查出问题隐患', unit: '条' },
  { key: 'hazardsRectified', label: '已整改隐患', unit: '条' },
  { key: 'rectificationRate', label: '隐患整改率', unit: '%' },
  { key: 'majorFound', label: '查出重大隐患', unit: '条' },
  { key: 'majorClosed', label: '重大隐患已销号', unit: '条' },
  { key: 'overdue', label: '逾期未整改隐患', unit: '条' },
  { key: 'tanksHazardous', label: '危险化学品企业储罐', unit: '个' },
  { key: 'tanksChemical', label: '一般化工企业储罐', unit: '个' },
  { key: 'tanksIdleSite', label: '“四闲”场所储罐', unit: '个' },
  { key: 'tanksTotal', label: '储罐合计', unit: '个' },
  { key: 'idleSitesFound', label: '排查“四闲”场所', unit: '处' },
  { key: 'idleSitesIllegal', label: '发现非法违法行为', unit: '起' },
  ...idleSiteDisposals.filter((disposal) => disposal !== '无需处置').map((disposal) => ({ key: `idleSites:${disposal}`, label: `“四闲”场所${disposal}`, unit: '处' })),
  { key: 'idleSitesSealed', label: '张贴封条', unit: '处' },
  { key: 'filingsTotal', label: '特殊作业报备', unit: '起' },
  ...specialWorkKinds.map((kind) => ({ key: `filings:${kind}`, label: `${kind}作业报备`, unit: '起' })),
  { key: 'planFilings', label: '受理应急预案备案', unit: '件' },
  { key: 'plansIssued', label: '新发布应急预案', unit: '件' },
  { key: 'drills', label: '开展应急演练', unit: '场' },
  { key: 'drillsActual', label: '实战演练', unit: '场' },
  { key: 'drillsTabletop', label: '桌面推演', unit: '场' },
  { key: 'drillParticipants', label: '演练参与', unit: '人次' },
] as const satisfies readonly { key: string; label: string; unit: string }[];

export type FigureKey = (typeof figureDefinitions)[number]['key'];
export type FigureValues = Record<FigureKey, number | null>;

/** Counts of one village, or of the whole town (`villageId` undefined). */
function villageValues(ctx: HandlerContext, from: string, to: string, villageId: number | undefined): FigureValues {
  const hazards = hazardStatistics(ctx, { from, to, villageId });
  const tanks = tankSummary(ctx, { asOf: to, villageId });
  const sites = idleSiteSummary(ctx, { from, to, villageId });
  const drills = drillTotals(ctx, { from, to, villageId });
  const filingParams: Record<string, unknown> = { from: `${from} 00:00`, until: `${addDays(to, 1)} 00:00`, villageId };
  // The filings list's period test: a work whose window touches the period.
  const filingRows = ctx.appDb.sqlite
    .prepare(
      `SELECT kind, count(*) AS count FROM filings
        WHERE deleted_at IS NULL AND planned_end > @from AND planned_start < @until
          ${villageId === undefined ? '' : 'AND enterprise_id IN (SELECT id FROM enterprises WHERE village_id = @villageId)'}
        GROUP BY kind`,
    )
    .all(villageId === undefined ? { from: filingParams.from, until: filingParams.until } : filingParams) as { kind: string; count: number }[];
  const byKind = new Map(filingRows.map((row) => [row.kind, row.count]));
  const villageFilter = villageId === undefined ? '' : `AND ${inVillageSql('p')}`;
  const planParams = villageId === undefined ? { from, to } : { from, to, villageId };
  const planFilings = ctx.appDb.sqlite
    .prepare(`SELECT count(*) FROM plan_filings f JOIN emergency_plans p ON p.id = f.plan_id WHERE f.deleted_at IS NULL AND f.received_on BETWEEN @from AND @to ${villageFilter}`)
    .pluck()
    .get(planParams) as number;
  const plansIssued = ctx.appDb.sqlite
    .prepare(
      `SELECT count(*) FROM emergency_plans p JOIN plan_versions pv ON pv.id = p.current_version_id
        WHERE p.deleted_at IS NULL AND pv.issued_on BETWEEN @from AND @to ${villageFilter}`,
    )
    .pluck()
    .get(planParams) as number;

  const values = {
    inspections: hazards.inspections,
    enterprisesChecked: hazards.enterprisesChecked,
    idleSitesChecked: hazards.idleSitesChecked,
    orders: hazards.orders,
    hazardsFound: hazards.found,
    hazardsRectified: hazards.rectified,
    rectificationRate: hazards.rate,
    majorFound: hazards.majorFound,
    majorClosed: hazards.majorClosed,
    overdue: hazards.overdue,
    tanksHazardous: tanks.byCategory['危化品企业储罐'],
    tanksChemical: tanks.byCategory['一般化工企业储罐'],
    tanksIdleSite: tanks.byCategory['四闲场所储罐'],
    tanksTotal: tanks.total,
    idleSitesFound: sites.total,
    idleSitesIllegal: sites.illegal,
    idleSitesSealed: sites.sealed,
    filingsTotal: filingRows.reduce((sum, row) => sum + row.count, 0),
    planFilings,
    plansIssued,
    drills: drills.drills,
    drillsActual: drills.actual,
    drillsTabletop: drills.tabletop,
    drillParticipants: drills.participants,
  } as Record<string, number | null>;
  for (const disposal of idleSiteDisposals) if (disposal !== '无需处置') values[`idleSites:${disposal}`] = sites.byDisposal[disposal];
  for (const kind of specialWorkKinds) values[`filings:${kind}`] = byKind.get(kind) ?? 0;
  return values as FigureValues;
}

/**
 * The figures of a period over the scope: the whole town at once, or each chosen village summed. Counts add up
 * over villages (every record belongs to one village); the rate is recomputed from the sums.
 */
export function figureValues(ctx: HandlerContext, scope: ReportScope): FigureValues {
  if (scope.villageIds.length === 0) return villageValues(ctx, scope.from, scope.to, undefined);
  const parts = scope.villageIds.map((villageId) => villageValues(ctx, scope.from, scope.to, villageId));
  const sum = {} as FigureValues;
  for (const { key } of figureDefinitions) sum[key] = parts.reduce((total, part) => total + (part[key] ?? 0), 0);
  sum.rectificationRate = rectificationRate(sum.hazardsFound ?? 0, sum.hazardsRectified ?? 0);
  return sum;
}

/**
 * The list behind a figure over the scope, in that list's filter vocabulary; null where no list shows exactly
 * those records: several villages (a list filters by one), a rate or a sum, a count as of a past day (lists show
 * today), or a subset no filter picks out. The tank counts never link: even for a period holding today, the tank
 * list shows 已拆除 tanks too, which the counts leave out, and it has no filter for "not 已拆除". `values` are the
 * scope's figures: the inspection list shows idle-site visits too, so 检查企业（家次） links to it only when the
 * period has none.
 */
export function figureSource(key: FigureKey, scope: ReportScope, values: FigureValues): FigureSource | null {
  if (scope.villageIds.length > 1) return null;
  const village: Record<string, number> = scope.villageIds.length === 1 ? { villageId: scope.villageIds[0] } : {};
  const period = { from: scope.from, to: scope.to };
  switch (key) {
    case 'inspections':
      return values.idleSitesChecked ? null : { list: 'inspections', filters: { ...period, ...village } };
    case 'orders':
      return { list: 'orders', filters: { ...period, ...village } };
    case 'hazardsFound':
      return { list: 'hazards', filters: { ...period, ...village } };
    case 'hazardsRectified':
      return { list: 'hazards', filters: { ...period, ...village, status: '已销号' } };
    case 'majorFound':
      return { list: 'hazards', filters: { ...period, ...village, level: '重大' } };
    case 'majorClosed':
      return { list: 'hazards', filters: { ...period, ...village, level: '重大', status: '已销号' } };
    case 'overdue':
      return { list: 'hazards', filters: { ...period, ...village, overdue: true } };
    case 'idleSitesFound':
      return { list: 'idleSites', filters: { foundFrom: scope.from, foundTo: scope.to, ...village } };
    case 'filingsTotal':
      return { list: 'filings', filters: { ...period, ...village } };
    case 'planFilings':
      return scope.villageIds.length === 0 ? { list: 'planFilings', filters: period } : null;
    case 'drills':
      return { list: 'drills', filters: { ...period, ...village } };
    case 'drillsActual':
      return { list: 'drills', filters: { ...period, ...village, form: '实战演练' } };
    case 'drillsTabletop':
      return { list: 'drills', filters: { ...period, ...village, form: '桌面推演' } };
    default:
      if (key.startsWith('filings:')) return { list: 'filings', filters: { ...period, ...village, kind: key.slice('filings:'.length) } };
      return null;
  }
}
