import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { softDelete, timestamps } from './columns';
import { enterprises } from './enterprises';
import { tanks } from './tanks';

const live = sql`deleted_at IS NULL`;

/**
 * 特殊作业报备: one filing of one job at one enterprise. Planned and actual times are local
 * `YYYY-MM-DD HH:mm` strings (they sort as text); the status changes only through the workflow.
 */
export const filings = sqliteTable(
  'filings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 报备编号, sequential per year and never reused (see `sequences`). */
    number: text('number').notNull(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    kind: text('kind').notNull(),
    /** The grade as filed: chosen (动火) or computed (高处, 吊装) when saved. */
    grade: text('grade'),
    heightM: real('height_m'),
    heightClass: text('height_class'),
    loadT: real('load_t'),
    place: text('place').notNull(),
    content: text('content').notNull(),
    plannedStart: text('planned_start').notNull(),
    plannedEnd: text('planned_end').notNull(),
    contractor: text('contractor'),
    contractorQualification: text('contractor_qualification'),
    leaderName: text('leader_name').notNull(),
    leaderPhone: text('leader_phone'),
    guardianName: text('guardian_name').notNull(),
    /** JSON array of { name, certificateNo }. */
    workers: text('workers').notNull().default('[]'),
    riskIdentification: text('risk_identification'),
    measures: text('measures'),
    /** JSON array of the document names the filing brought. */
    documents: text('documents').notNull().default('[]'),
    status: text('status').notNull(),
    /** JSON array of the warnings acknowledged on the last save or approval, and the reason given. */
    warnings: text('warnings').notNull().default('[]'),
    warningReason: text('warning_reason'),
    siteCheckOn: text('site_check_on'),
    siteCheckInspectors: text('site_check_inspectors'),
    siteCheckPassed: integer('site_check_passed', { mode: 'boolean' }),
    siteCheckRemark: text('site_check_remark'),
    /** Why it was 驳回 or 撤销. */
    closingReason: text('closing_reason'),
    actualStart: text('actual_start'),
    actualEnd: text('actual_end'),
    /** 完工复查 opinion. */
    completionRemark: text('completion_remark'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    uniqueIndex('filings_number').on(table.number),
    // Today's board reads windows ending after a moment; short windows make this the selective side.
    index('filings_planned_end_live').on(table.plannedEnd).where(live),
    index('filings_planned_start_live').on(table.plannedStart).where(live),
    index('filings_enterprise_live').on(table.enterpriseId, table.plannedStart).where(live),
    index('filings_status_live').on(table.status, table.plannedEnd).where(live),
  ],
);

/** The tanks a filing's work touches. */
export const filingTanks = sqliteTable(
  'filing_tanks',
  {
    filingId: integer('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    tankId: integer('tank_id')
      .notNull()
      .references(() => tanks.id),
  },
  (table) => [primaryKey({ columns: [table.filingId, table.tankId] }), index('filing_tanks_tank').on(table.tankId)],
);

/** Every step of a filing's workflow: who moved it, when, from where to where, and why. */
export const filingStatusChanges = sqliteTable(
  'filing_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    filingId: integer('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    remark: text('remark'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (table) => [index('filing_status_changes_filing').on(table.filingId, table.id)],
);
