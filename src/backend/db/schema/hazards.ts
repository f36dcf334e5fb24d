import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { softDelete, timestamps } from './columns';
import { enterprises } from './enterprises';
import { idleSites } from './idleSites';

const live = sql`deleted_at IS NULL`;
const oneTarget = sql`(enterprise_id IS NULL) <> (idle_site_id IS NULL)`;

/** 检查: one visit to one enterprise or idle site (a 家次 in the reports). */
export const inspections = sqliteTable(
  'inspections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    idleSiteId: integer('idle_site_id').references(() => idleSites.id),
    inspectedOn: text('inspected_on').notNull(),
    kind: text('kind').notNull(),
    inspectors: text('inspectors').notNull(),
    /** What was checked (检查项目), free text. */
    items: text('items'),
    notes: text('notes'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    check('inspections_one_target', oneTarget),
    // Covers the statistics' visit counts (家次, enterprises and idle sites checked) over a period.
    index('inspections_on_live').on(table.inspectedOn, table.enterpriseId, table.idleSiteId, table.deletedAt).where(live),
    index('inspections_enterprise_live').on(table.enterpriseId, table.inspectedOn).where(live),
    index('inspections_idle_site_live').on(table.idleSiteId, table.inspectedOn).where(live),
  ],
);

/** 责令限期整改指令书: numbered per year, never reused; lists hazards of one enterprise or idle site. */
export const rectificationOrders = sqliteTable(
  'rectification_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    idleSiteId: integer('idle_site_id').references(() => idleSites.id),
    inspectionId: integer('inspection_id').references(() => inspections.id),
    issuedOn: text('issued_on').notNull(),
    deadline: text('deadline').notNull(),
    /** 执法人员 (names and certificate numbers), as printed. */
    officers: text('officers').notNull(),
    /** The legal basis and demands printed above the hazard list. */
    content: text('content'),
    /** 整改复查意见书: filled when the order's hazards are re-inspected. */
    reviewedOn: text('reviewed_on'),
    reviewOpinion: text('review_opinion'),
    reviewNumber: text('review_number'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    check('orders_one_target', oneTarget),
    uniqueIndex('orders_number').on(table.number),
    uniqueIndex('orders_year_seq').on(table.year, table.seq),
    index('orders_issued_live').on(table.issuedOn).where(live),
    index('orders_enterprise_live').on(table.enterpriseId).where(live),
  ],
);

/**
 * 隐患: found at an inspection (or reported by the unit itself, or by a tip-off), rectified, re-inspected and closed.
 * The major-hazard columns (治理方案, 挂牌督办, 交办) stay empty for 一般 hazards.
 */
export const hazards = sqliteTable(
  'hazards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    inspectionId: integer('inspection_id').references(() => inspections.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    idleSiteId: integer('idle_site_id').references(() => idleSites.id),
    source: text('source').notNull(),
    foundOn: text('found_on').notNull(),
    place: text('place').notNull(),
    description: text('description').notNull(),
    level: text('level').notNull(),
    /** 依据: standard and clause. */
    basis: text('basis'),
    deadline: text('deadline').notNull(),
    status: text('status').notNull(),
    measures: text('measures'),
    responsibleName: text('responsible_name'),
    responsiblePhone: text('responsible_phone'),
    /** 整改资金, 万元. */
    fundsWan: real('funds_wan'),
    rectifiedOn: text('rectified_on'),
    rectificationNote: text('rectification_note'),
    reinspectedOn: text('reinspected_on'),
    reinspector: text('reinspector'),
    reinspectionPassed: integer('reinspection_passed', { mode: 'boolean' }),
    reinspectionNote: text('reinspection_note'),
    closedOn: text('closed_on'),
    extensions: integer('extensions').notNull().default(0),
    /** The 指令书 that lists it (a hazard is on one order at most). */
    orderId: integer('order_id').references(() => rectificationOrders.id),
    planTargets: text('plan_targets'),
    planMethods: text('plan_methods'),
    planFunds: text('plan_funds'),
    planOrganisation: text('plan_organisation'),
    planTimeline: text('plan_timeline'),
    planSafety: text('plan_safety'),
    listedAuthority: text('listed_authority'),
    listedDocNo: text('listed_doc_no'),
    listedOn: text('listed_on'),
    assignedUnit: text('assigned_unit'),
    assignedDeadline: text('assigned_deadline'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    check('hazards_one_target', oneTarget),
    uniqueIndex('hazards_number').on(table.number),
    // The list's default order and date ranges; with status, level and deadline it covers counts over a period.
    index('hazards_found_live').on(table.foundOn, table.status, table.level, table.deadline, table.deletedAt).where(live),
    // A status in found order, and 逾期 (open statuses, deadline) counted from the index alone.
    index('hazards_status_live').on(table.status, table.foundOn, table.deadline, table.level, table.deletedAt).where(live),
    // A village's hazards: one key for the target (the enterprise, or the idle site as its negated id), so a village
    // filter needs no OR of two columns; covers the statistics of a period. The service writes the same expression
    // (hazardTargetKey); it has no comma because drizzle-kit splits index columns on commas.
    index('hazards_target_live')
      .on(sql`CASE WHEN enterprise_id IS NULL THEN -idle_site_id ELSE enterprise_id END`, table.foundOn, table.status, table.level, table.deadline, table.deletedAt)
      .where(live),
    // An enterprise's hazards in found order; covers the statistics of an enterprise or an industry over a period.
    index('hazards_enterprise_live').on(table.enterpriseId, table.foundOn, table.status, table.level, table.deadline, table.deletedAt).where(live),
    // Also the narrowest index covering `deleted_at IS NULL`: the list's total of every hazard counts it.
    index('hazards_idle_site_live').on(table.idleSiteId, table.deletedAt).where(live),
    index('hazards_inspection').on(table.inspectionId),
    index('hazards_order').on(table.orderId),
    index('hazards_level_live').on(table.level, table.foundOn).where(live),
    // 来源 (检查 / 自查 / 举报) in found order, counted from the index alone.
    index('hazards_source_live').on(table.source, table.foundOn, table.deletedAt).where(live),
  ],
);

/** Every step of a hazard: who, when, from where to where, and why (extensions carry the old and new deadline). */
export const hazardEvents = sqliteTable(
  'hazard_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hazardId: integer('hazard_id')
      .notNull()
      .references(() => hazards.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    on: text('on').notNull(),
    remark: text('remark'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (table) => [index('hazard_events_hazard').on(table.hazardId, table.id)],
);
