import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { softDelete, timestamps } from './columns';
import { gridWorkers } from './gridWorkers';
import { villages } from './villages';

const live = sql`deleted_at IS NULL`;

/** 四闲场所: an idle building, courtyard, warehouse or yard found in the village-by-village sweep. */
export const idleSites = sqliteTable(
  'idle_sites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    address: text('address'),
    villageId: integer('village_id')
      .notNull()
      .references(() => villages.id),
    ownerName: text('owner_name'),
    ownerPhone: text('owner_phone'),
    currentUse: text('current_use'),
    /** The latest finding and disposal (the inspections below keep every one). */
    finding: text('finding').notNull(),
    disposal: text('disposal').notNull(),
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
    sampled: integer('sampled', { mode: 'boolean' }).notNull().default(false),
    /** Date (YYYY-MM-DD) the site was first found/registered; counts "as of a date" use it. */
    foundOn: text('found_on').notNull(),
    disposedOn: text('disposed_on'),
    gridWorkerId: integer('grid_worker_id').references(() => gridWorkers.id),
    longitude: real('longitude'),
    latitude: real('latitude'),
    notes: text('notes'),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    index('idle_sites_village_live').on(table.villageId).where(live),
    index('idle_sites_found_live').on(table.foundOn).where(live),
  ],
);

/** One visit to an idle site: what was found and done then. */
export const idleSiteInspections = sqliteTable(
  'idle_site_inspections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idleSiteId: integer('idle_site_id')
      .notNull()
      .references(() => idleSites.id, { onDelete: 'cascade' }),
    inspectedOn: text('inspected_on').notNull(),
    inspectors: text('inspectors').notNull(),
    finding: text('finding').notNull(),
    disposal: text('disposal').notNull(),
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
    sampled: integer('sampled', { mode: 'boolean' }).notNull().default(false),
    remark: text('remark'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (table) => [index('idle_site_inspections_site').on(table.idleSiteId, table.inspectedOn)],
);
