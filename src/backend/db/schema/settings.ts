import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Key/value settings; values are JSON so later features can store structured settings without a migration. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
