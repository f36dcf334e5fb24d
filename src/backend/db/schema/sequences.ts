import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Document numbers that never repeat: the last number handed out per series and year. Deleting (or purging)
 * a numbered record does not give its number back.
 */
export const sequences = sqliteTable(
  'sequences',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (table) => [primaryKey({ columns: [table.series, table.year] })],
);
