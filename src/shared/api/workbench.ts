import { z } from 'zod';
import { riskLevels } from '../domain/enterprise';
import { reminderKinds } from '../domain/emergencyPlan';
import { specialWorkKinds } from '../domain/specialWork';
import { tankCategories, tankStatuses } from '../domain/tank';
import { method } from './contract';
import { filingRowSchema } from './filings';
import { reminderSchema } from './plans';

/**
 * 工作台: everything the home page shows, in one call so the page opens with one round trip. Counts that the
 * page links to a filtered list are computed through that list's own filter, so the number on the card is the
 * total the list shows after the click.
 */

/** How many items of each "today" list the page shows; the card's count is the full total. */
export const workbenchListLimit = 8;

const count = z.number().int().min(0);

/** What needs attention today. */
export const workbenchAttentionSchema = z.object({
  /** Works whose window touches today (rejected and withdrawn left out), as 今日作业 shows them. */
  worksToday: count,
  /** Works started without approval or approved and past their window (`/filings/list?flagged=true`). */
  worksFlagged: count,
  /** Hazards not closed and past their deadline (`/hazards?overdue=true`). */
  hazardsOverdue: count,
  /** Of those, 重大 hazards. */
  majorHazardsOverdue: count,
  /** 整改指令书 whose hazards are not all closed (`/hazards/orders?open=true`). */
  ordersOpen: count,
  /** Of those, orders past their deadline. */
  ordersOverdue: count,
  /** Plans with a filing, evaluation or drill overdue (`/plans?due=overdue`). */
  plansOverdue: count,
  /** Reminder items not yet overdue but due within 30 days (`/plans/reminders`). */
  remindersDueSoon: count,
  /** Reminder items (overdue or due within 30 days) by kind: drills due are the `drill` ones. */
  remindersByKind: z.record(z.enum(reminderKinds), count),
  /** 四闲场所 found violating and awaiting disposal (`/idle-sites?disposal=待处置`). */
  idleSitesPending: count,
});
export type WorkbenchAttention = z.infer<typeof workbenchAttentionSchema>;

/** The backup facts the home page warns about (the full status is on /backup). */
export const workbenchBackupSchema = z.object({
  lastRemovableAt: z.string().nullable(),
  lastLocalAt: z.string().nullable(),
  /** No removable backup, or the last is older than `usbWarnDays`. */
  removableStale: z.boolean(),
  usbWarnDays: z.number().int(),
});

/** One period's key figures, in the words of the reports (家次, 份, 条). */
export const workbenchFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** 检查企业家次 and distinct enterprises checked, as `hazards.statistics` counts them. */
  inspections: count,
  enterprisesChecked: count,
  /** 整改指令书 issued. */
  orders: count,
  hazardsFound: count,
  hazardsRectified: count,
  /** Percent, one decimal; null when nothing was found. */
  rectificationRate: z.number().nullable(),
  /** Special-work filings planned to start in the period (deleted ones left out). */
  filings: count,
  drills: count,
  drillParticipants: count,
});
export type WorkbenchFigures = z.infer<typeof workbenchFiguresSchema>;

/** Per calendar month of the year, index 0 = January. */
const twelve = z.array(count).length(12);

export const workbenchChartsSchema = z.object({
  /** Hazards found in each month, and how many of those are closed (已销号) by today. */
  hazardsByMonth: z.object({ found: twelve, rectified: twelve }),
  /** Live enterprises by risk colour. */
  enterprisesByRisk: z.record(z.enum(riskLevels), count),
  /** Tanks as of today (removed ones apart), per category and status. */
  tanks: z.object({
    byCategory: z.array(z.object({ category: z.enum(tankCategories), byStatus: z.record(z.enum(tankStatuses), count) })),
    removed: count,
  }),
  /** Filings by kind, by the month their window starts; kinds with none in the year are left out. */
  filingsByKindByMonth: z.array(z.object({ kind: z.enum(specialWorkKinds), months: twelve, total: count })),
  /** Hazards found in the year per village (of the enterprise or idle site), lowest rate first; villages with none left out. */
  villageRates: z.array(
    z.object({ villageId: z.number().int(), villageName: z.string(), found: count, rectified: count, rate: z.number().nullable() }),
  ),
});
export type WorkbenchCharts = z.infer<typeof workbenchChartsSchema>;

export const workbenchSummarySchema = z.object({
  /** The office's local date the summary is for, `YYYY-MM-DD`. */
  today: z.string(),
  year: z.number().int(),
  attention: workbenchAttentionSchema,
  /** The first `workbenchListLimit` of today's works, by start. */
  worksToday: z.array(filingRowSchema),
  /** The first `workbenchListLimit` flagged works, oldest end first. */
  worksFlagged: z.array(filingRowSchema),
  /** The first `workbenchListLimit` plan reminders, overdue first. */
  reminders: z.array(reminderSchema),
  backup: workbenchBackupSchema,
  month: workbenchFiguresSchema,
  yearToDate: workbenchFiguresSchema,
  charts: workbenchChartsSchema,
});
export type WorkbenchSummary = z.infer<typeof workbenchSummarySchema>;

export const workbenchApi = {
  /** The home page: today's attention counts and lists, this month's and year's figures, the year's charts. */
  'workbench.summary': method(z.object({}), workbenchSummarySchema, 'read'),
};
