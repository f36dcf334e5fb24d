import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { softDelete, timestamps } from './columns';

export const villages = sqliteTable(
  'villages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['村', '社区'] }).notNull(),
    code: text('code'),
    population: integer('population'),
    households: integer('households'),
    areaKm2: real('area_km2'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    notes: text('notes'),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    // Names and codes are unique among live rows only, so a deleted village never blocks a new one.
    uniqueIndex('villages_name_live').on(table.name).where(sql`deleted_at IS NULL`),
    uniqueIndex('villages_code_live').on(table.code).where(sql`deleted_at IS NULL AND code IS NOT NULL`),
    index('villages_deleted_at').on(table.deletedAt),
  ],
);
