import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { softDelete, timestamps } from './columns';
import { enterprises } from './enterprises';
import { villages } from './villages';

const live = sql`deleted_at IS NULL`;

/**
 * The owner columns plans and drills share: the town itself (all empty), a department (its name), a village or
 * an enterprise. The CHECK keeps exactly the owner's own column filled.
 */
function ownerColumns() {
  return {
    ownerType: text('owner_type').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    villageId: integer('village_id').references(() => villages.id),
    department: text('department'),
  };
}

const ownerCheck = sql`(owner_type = 'town' AND enterprise_id IS NULL AND village_id IS NULL AND department IS NULL)
  OR (owner_type = 'department' AND enterprise_id IS NULL AND village_id IS NULL AND department IS NOT NULL)
  OR (owner_type = 'village' AND enterprise_id IS NULL AND village_id IS NOT NULL AND department IS NULL)
  OR (owner_type = 'enterprise' AND enterprise_id IS NOT NULL AND village_id IS NULL AND department IS NULL)`;

/**
 * 应急预案: the plan as a lasting thing (owner, kind, name, status, last evaluation). What changes with each
 * revision — doc no., issue date, review, signatory, filing — lives in `plan_versions`; `current_version_id`
 * names the version in force (no FK: the two rows point at each other).
 */
export const emergencyPlans = sqliteTable(
  'emergency_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ...ownerColumns(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull(),
    /** 人员密集场所经营单位: listed by 第二十六条 though no industry says so. */
    crowdedPlace: integer('crowded_place', { mode: 'boolean' }).notNull().default(false),
    currentVersionId: integer('current_version_id').notNull(),
    lastEvaluatedOn: text('last_evaluated_on'),
    evaluationConclusion: text('evaluation_conclusion'),
    evaluationNote: text('evaluation_note'),
    notes: text('notes'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    check('emergency_plans_owner', ownerCheck),
    index('emergency_plans_enterprise_live').on(table.enterpriseId).where(live),
    index('emergency_plans_village_live').on(table.villageId).where(live),
    index('emergency_plans_owner_live').on(table.ownerType, table.kind).where(live),
  ],
);

/** One version of a plan: each revision adds a row, so every earlier version is kept as it was. */
export const planVersions = sqliteTable(
  'plan_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => emergencyPlans.id, { onDelete: 'cascade' }),
    version: text('version').notNull(),
    docNo: text('doc_no'),
    issuedOn: text('issued_on').notNull(),
    reviewKind: text('review_kind'),
    reviewOn: text('review_on'),
    reviewExperts: integer('review_experts'),
    reviewResult: text('review_result'),
    signatory: text('signatory'),
    filingDept: text('filing_dept'),
    filingOn: text('filing_on'),
    filingNumber: text('filing_number'),
    /** 第三十六条 trigger of this revision; null for the first version. */
    revisionTrigger: text('revision_trigger'),
    revisionNote: text('revision_note'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
  },
  (table) => [index('plan_versions_plan').on(table.planId, table.id)],
);

/** 备案登记: a filing the office received for one version, its materials, the 5-working-day check and result. */
export const planFilings = sqliteTable(
  'plan_filings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => emergencyPlans.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => planVersions.id),
    receivedOn: text('received_on').notNull(),
    submitter: text('submitter'),
    submitterPhone: text('submitter_phone'),
    /** JSON array of the 第二十七条 materials brought. */
    materials: text('materials').notNull().default('[]'),
    status: text('status').notNull(),
    checkedOn: text('checked_on'),
    checkedBy: text('checked_by'),
    /** 备案编号 issued on acceptance (never reused). */
    number: text('number'),
    /** 不予备案: what is missing, told once (第二十八条); or a remark. */
    resultNote: text('result_note'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    uniqueIndex('plan_filings_number').on(table.number),
    index('plan_filings_plan_live').on(table.planId).where(live),
    index('plan_filings_received_live').on(table.receivedOn).where(live),
  ],
);

/** 演练: held by an owner, usually of one of its plans; the evaluation report (第三十四条) is an attachment. */
export const drills = sqliteTable(
  'drills',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').references(() => emergencyPlans.id),
    ...ownerColumns(),
    name: text('name').notNull(),
    heldOn: text('held_on').notNull(),
    scope: text('scope').notNull(),
    form: text('form').notNull(),
    organiser: text('organiser').notNull(),
    place: text('place'),
    participants: integer('participants').notNull(),
    fireBrigade: integer('fire_brigade', { mode: 'boolean' }).notNull().default(false),
    summary: text('summary'),
    /** 演练评估 conclusion (第三十四条); empty until the evaluation is written. */
    evaluation: text('evaluation'),
    createdBy: text('created_by').notNull(),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    check('drills_owner', ownerCheck),
    index('drills_held_live').on(table.heldOn).where(live),
    index('drills_plan_live').on(table.planId, table.heldOn).where(live),
    index('drills_enterprise_live').on(table.enterpriseId, table.heldOn).where(live),
  ],
);
