import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { softDelete, timestamps } from './columns';
import { gridWorkers } from './gridWorkers';
import { villages } from './villages';

const live = sql`deleted_at IS NULL`;

export const enterprises = sqliteTable(
  'enterprises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    uscc: text('uscc').notNull(),
    address: text('address'),
    villageId: integer('village_id')
      .notNull()
      .references(() => villages.id),
    industry: text('industry').notNull(),
    supervisingDept: text('supervising_dept'),
    riskLevel: text('risk_level', { enum: ['red', 'orange', 'yellow', 'blue'] }).notNull(),
    keySupervised: integer('key_supervised', { mode: 'boolean' }).notNull().default(false),
    standardization: text('standardization').notNull(),
    majorHazard: integer('major_hazard', { mode: 'boolean' }).notNull().default(false),
    principalName: text('principal_name'),
    principalPhone: text('principal_phone'),
    safetyManagerName: text('safety_manager_name'),
    safetyManagerPhone: text('safety_manager_phone'),
    employees: integer('employees'),
    status: text('status').notNull(),
    gridWorkerId: integer('grid_worker_id').references(() => gridWorkers.id),
    longitude: real('longitude'),
    latitude: real('latitude'),
    notes: text('notes'),
    /** Pinyin initials of the name (`hmzxyxgs`), so `hmzx` finds 虎门制鞋有限公司. */
    nameInitials: text('name_initials').notNull(),
    ...timestamps,
    ...softDelete,
  },
  (table) => [
    uniqueIndex('enterprises_uscc_live').on(table.uscc).where(live),
    // Partial indexes over live rows back the list's sorts and filters at 50,000 rows.
    index('enterprises_name_live').on(table.name).where(live),
    index('enterprises_updated_live').on(table.updatedAt).where(live),
    index('enterprises_village_live').on(table.villageId, table.riskLevel).where(live),
    index('enterprises_risk_live').on(table.riskLevel, table.name).where(live),
    index('enterprises_industry_live').on(table.industry).where(live),
    index('enterprises_status_live').on(table.status).where(live),
    index('enterprises_grid_worker').on(table.gridWorkerId),
    // Only the 回收站 looks rows up by deleted_at, always with IS NOT NULL. A full index would offer the planner
    // `deleted_at IS NULL` as an equality that seems selective but matches every live row: it then preferred it
    // to the sort indexes above and sorted all 50,000 rows for every page.
    index('enterprises_deleted_at').on(table.deletedAt).where(sql`deleted_at IS NOT NULL`),
  ],
);
