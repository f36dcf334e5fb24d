import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { chemicals } from './chemicals';
import { softDelete, timestamps } from './columns';
import { enterprises } from './enterprises';
import { idleSites } from './idleSites';

const live = sql`deleted_at IS NULL`;

/**
 * 储罐: owned by exactly one enterprise or one idle site (the CHECK says so); its category is derived from
 * the owner when read, never stored, so it follows an enterprise whose industry is corrected.
 */
export const tanks = sqliteTable(
  'tanks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    idleSiteId: integer('idle_site_id').references(() => idleSites.id),
    /** 罐区, free text within the owner (e.g. “一号罐区”). */
    tankFarm: text('tank_farm'),
    medium: text('medium'),
    chemicalId: integer('chemical_id').references(() => chemicals.id),
    cas: text('cas'),
    designCapacityM3: real('design_capacity_m3'),
    maxStoredT: real('max_stored_t'),
    type: text('type').notNull(),
    material: text('material'),
    pressureClass: text('pressure_class').notNull(),
    status: text('status').notNull(),
    publicLabel: integer('public_label', { mode: 'boolean' }).notNull().default(false),
    responsibleName: text('responsible_name'),
    responsiblePhone: text('responsible_phone'),
    lastCheckOn: text('last_check_on'),
    /** Date (YYYY-MM-DD) the tank was registered; counts "as of a date" use it with the status history. */
    registeredOn: text('registered_on').notNull(),
    longitude: real('longitude'),
    latitude: real('latitude'),
    notes: text('notes'),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    check('tanks_one_owner', sql`(enterprise_id IS NULL) <> (idle_site_id IS NULL)`),
    uniqueIndex('tanks_enterprise_code_live').on(table.enterpriseId, table.code).where(sql`deleted_at IS NULL AND enterprise_id IS NOT NULL`),
    uniqueIndex('tanks_idle_site_code_live').on(table.idleSiteId, table.code).where(sql`deleted_at IS NULL AND idle_site_id IS NOT NULL`),
    index('tanks_status_live').on(table.status).where(live),
    index('tanks_registered_live').on(table.registeredOn).where(live),
  ],
);

/** Every status change of a tank, with its date and reason: a tank 已拆除 stays in history. */
export const tankStatusChanges = sqliteTable(
  'tank_status_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tankId: integer('tank_id')
      .notNull()
      .references(() => tanks.id, { onDelete: 'cascade' }),
    changedOn: text('changed_on').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (table) => [index('tank_status_changes_tank').on(table.tankId, table.changedOn)],
);
