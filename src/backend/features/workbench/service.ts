import type { RiskLevel } from '../../../shared/domain/enterprise';
import { rectificationRate } from '../../../shared/domain/hazard';
import { reminderKinds, type ReminderKind } from '../../../shared/domain/emergencyPlan';
import { reportPeriod } from '../../../shared/domain/reportPeriod';
import { specialWorkKinds, type SpecialWorkKind } from '../../../shared/domain/specialWork';
import { tankCategories, tankStatuses, type TankStatus } from '../../../shared/domain/tank';
import { workbenchListLimit, type WorkbenchCharts, type WorkbenchFigures, type WorkbenchSummary } from '../../../shared/api/workbench';
import { localToday, type HandlerContext } from '../../api/context';
import { backupStatus } from '../backup/service';
import { drillTotals } from '../drills/service';
import { filingBoard, listFilings } from '../filings/service';
import { listOrders } from '../hazards/orders';
import { hazardStatistics, listHazards } from '../hazards/service';
import { listIdleSites } from '../idleSites/service';
import { planAttention } from '../plans/service';
import { tankSummary } from '../tanks/service';

/** The list reads below only want a total: one row is the cheapest page. */
const countOnly = { page: 1, pageSize: 1 } as const;

/** Month index 0–11 of a `YYYY-MM…` text. */
const monthIndex = (text: string) => Number(text.slice(5, 7)) - 1;

function figures(ctx: HandlerContext, from: string, to: string): WorkbenchFigures {
  const hazards = hazardStatistics(ctx, { from, to });
  const drills = drillTotals(ctx, { from, to });
  // Filings by the start of their window, each once (the list's from/to would count every window touching the period).
  const filings = ctx.appDb.sqlite
    .prepare('SELECT count(*) FROM filings WHERE deleted_at IS NULL AND planned_start >= @from AND planned_start < @end')
    .pluck()
    .get({ from: `${from} 00:00`, end: `${to} 24:00` }) as number;
  return {
    from,
    to,
    inspections: hazards.inspections,
    enterprisesChecked: hazards.enterprisesChecked,
    orders: hazards.orders,
    hazardsFound: hazards.found,
    hazardsRectified: hazards.rectified,
    rectificationRate: hazards.rate,
    filings,
    drills: drills.drills,
    drillParticipants: drills.participants,
  };
}

function charts(ctx: HandlerContext, from: string, to: string): WorkbenchCharts {
  const db = ctx.appDb.sqlite;
  const zeros = () => Array.from({ length: 12 }, () => 0);

  // One grouped read per chart. Hazards of deleted enterprises still count, as in hazards.statistics.
  const found = zeros();
  const rectified = zeros();
  const byMonth = db
    .prepare(
      `SELECT substr(found_on, 1, 7) AS month, count(*) AS found, coalesce(sum(status = '已销号'), 0) AS rectified
       FROM hazards WHERE deleted_at IS NULL AND found_on BETWEEN @from AND @to GROUP BY month`,
    )
    .all({ from, to }) as { month: string; found: number; rectified: number }[];
  for (const row of byMonth) {
    found[monthIndex(row.month)] = row.found;
    rectified[monthIndex(row.month)] = row.rectified;
  }

  const enterprisesByRisk: Record<RiskLevel, number> = { red: 0, orange: 0, yellow: 0, blue: 0 };
  const risks = db.prepare('SELECT risk_level AS level, count(*) AS count FROM enterprises WHERE deleted_at IS NULL GROUP BY risk_level').all() as {
    level: RiskLevel;
    count: number;
  }[];
  for (const row of risks) enterprisesByRisk[row.level] = row.count;

  // tanks.summary gives one margin per call; filtering it by status gives each status's row of the cross table,
  // counted exactly as the tanks page counts them (registered by today, removed ones apart).
  const liveStatuses = tankStatuses.filter((status): status is Exclude<TankStatus, '已拆除'> => status !== '已拆除');
  const perStatus = liveStatuses.map((status) => ({ status, summary: tankSummary(ctx, { status }) }));
  const removed = tankSummary(ctx, { status: '已拆除' }).removed;
  const byCategory = tankCategories.map((category) => ({
    category,
    byStatus: Object.fromEntries(tankStatuses.map((status) => [status, perStatus.find((entry) => entry.status === status)?.summary.byCategory[category] ?? 0])) as Record<
      TankStatus,
      number
    >,
  }));

  const filingRows = db
    .prepare(
      `SELECT kind, substr(planned_start, 1, 7) AS month, count(*) AS count FROM filings
       WHERE deleted_at IS NULL AND planned_start >= @from AND planned_start < @end GROUP BY kind, month`,
    )
    .all({ from: `${from} 00:00`, end: `${to} 24:00` }) as { kind: SpecialWorkKind; month: string; count: number }[];
  const filingsByKind = new Map<SpecialWorkKind, number[]>();
  for (const row of filingRows) {
    const months = filingsByKind.get(row.kind) ?? zeros();
    months[monthIndex(row.month)] = row.count;
    filingsByKind.set(row.kind, months);
  }
  const filingsByKindByMonth = specialWorkKinds
    .filter((kind) => filingsByKind.has(kind))
    .map((kind) => {
      const months = filingsByKind.get(kind)!;
      return { kind, months, total: months.reduce((sum, n) => sum + n, 0) };
    })
    .sort((a, b) => b.total - a.total);

  // The village of a hazard is its enterprise's or idle site's, deleted owners included (as hazards.statistics).
  // Counted per owner first, then owners looked up once each: half the time of joining every hazard (300,000).
  const villageRows = db
    .prepare(
      `SELECT v.id AS villageId, v.name AS villageName, sum(g.found) AS found, sum(g.rectified) AS rectified
       FROM (SELECT enterprise_id, idle_site_id, count(*) AS found, coalesce(sum(status = '已销号'), 0) AS rectified
             FROM hazards WHERE deleted_at IS NULL AND found_on BETWEEN @from AND @to GROUP BY enterprise_id, idle_site_id) g
       LEFT JOIN enterprises e ON e.id = g.enterprise_id
       LEFT JOIN idle_sites s ON s.id = g.idle_site_id
       JOIN villages v ON v.id = coalesce(e.village_id, s.village_id)
       GROUP BY v.id`,
    )
    .all({ from, to }) as { villageId: number; villageName: string; found: number; rectified: number }[];
  const villageRates = villageRows
    .map((row) => ({ ...row, rate: rectificationRate(row.found, row.rectified) }))
    .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0) || b.found - a.found || a.villageName.localeCompare(b.villageName, 'zh-CN'));

  return {
    hazardsByMonth: { found, rectified },
    enterprisesByRisk,
    tanks: { byCategory, removed },
    filingsByKindByMonth,
    villageRates,
  };
}

/**
 * The home page in one read. The attention counts go through the filters of the lists they link to, so a card's
 * number is the total the list shows; the charts are one grouped query each over the current calendar year.
 */
export function workbenchSummary(ctx: HandlerContext): WorkbenchSummary {
  const today = localToday(ctx);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const thisMonth = reportPeriod('month', year, month);
  const thisYear = reportPeriod('year', year);

  const board = filingBoard(ctx, {});
  const worksFlagged = listFilings(ctx, { flagged: true, page: 1, pageSize: workbenchListLimit, sortField: 'plannedStart', sortOrder: 'ascend' });
  const hazardsOverdue = listHazards(ctx, { overdue: true, ...countOnly });
  const majorHazardsOverdue = listHazards(ctx, { overdue: true, level: '重大', ...countOnly });
  const ordersOpen = listOrders(ctx, { open: true, ...countOnly });
  const ordersOverdue = listOrders(ctx, { overdue: true, ...countOnly });
  const plans = planAttention(ctx, 30);
  const remindersByKind = Object.fromEntries(reminderKinds.map((kind) => [kind, 0])) as Record<ReminderKind, number>;
  let remindersDueSoon = 0;
  for (const item of plans.reminders) {
    remindersByKind[item.kind] += 1;
    if (item.state === 'due') remindersDueSoon += 1;
  }
  const idleSitesPending = listIdleSites(ctx, { disposal: '待处置', ...countOnly });
  const backup = backupStatus(ctx);

  return {
    today,
    year,
    attention: {
      worksToday: board.today.items.length,
      worksFlagged: worksFlagged.total,
      hazardsOverdue: hazardsOverdue.total,
      majorHazardsOverdue: majorHazardsOverdue.total,
      ordersOpen: ordersOpen.total,
      ordersOverdue: ordersOverdue.total,
      plansOverdue: plans.overdue,
      remindersDueSoon,
      remindersByKind,
      idleSitesPending: idleSitesPending.total,
    },
    worksToday: board.today.items.slice(0, workbenchListLimit),
    worksFlagged: worksFlagged.items,
    reminders: plans.reminders.slice(0, workbenchListLimit),
    backup: {
      lastRemovableAt: backup.lastRemovable?.at ?? null,
      lastLocalAt: backup.lastLocal?.at ?? null,
      removableStale: backup.removableStale,
      usbWarnDays: backup.settings.usbWarnDays,
    },
    month: figures(ctx, thisMonth.from, thisMonth.to),
    yearToDate: figures(ctx, thisYear.from, thisYear.to),
    charts: charts(ctx, thisYear.from, thisYear.to),
  };
}
