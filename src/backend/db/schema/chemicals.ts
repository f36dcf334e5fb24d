import { sql } from 'drizzle-orm';
import { real, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { softDelete, timestamps } from './columns';

/**
 * The chemical catalogue (化学品目录): what tanks hold, with the GB 18218-2018 critical quantity Q and
 * correction factor β where the office can cite them (each value carries its table reference).
 */
export const chemicals = sqliteTable(
  'chemicals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** Other names staff use (、-separated), so 液氨 finds 氨. */
    aliases: text('aliases'),
    cas: text('cas'),
    hazardClass: text('hazard_class'),
    /** Critical quantity Q in tonnes. */
    criticalQuantity: real('critical_quantity'),
    criticalQuantityRef: text('critical_quantity_ref'),
    beta: real('beta'),
    betaRef: text('beta_ref'),
    notes: text('notes'),
    ...timestamps,
    ...softDelete,
  },
  (table) => [uniqueIndex('chemicals_name_live').on(table.name).where(sql`deleted_at IS NULL`)],
);
