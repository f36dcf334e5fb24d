import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { softDelete, timestamps } from './columns';
import { villages } from './villages';

export const gridWorkers = sqliteTable(
  'grid_workers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['村（社区）网格员', '企业网格员'] }).notNull(),
    phone: text('phone'),
    notes: text('notes'),
    ...timestamps,
    ...softDelete,
  },
  (table) => [index('grid_workers_name_live').on(table.name).where(sql`deleted_at IS NULL`)],
);

export const gridWorkerVillages = sqliteTable(
  'grid_worker_villages',
  {
    gridWorkerId: integer('grid_worker_id')
      .notNull()
      .references(() => gridWorkers.id, { onDelete: 'cascade' }),
    villageId: integer('village_id')
      .notNull()
      .references(() => villages.id),
  },
  (table) => [primaryKey({ columns: [table.gridWorkerId, table.villageId] }), index('grid_worker_villages_village').on(table.villageId)],
);
