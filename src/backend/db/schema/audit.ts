import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Append-only change log; triggers in the migration refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** No foreign key: the log outlives the accounts it names. */
    userId: integer('user_id'),
    userName: text('user_name').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore', 'purge'] }).notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    entityTitle: text('entity_title').notNull(),
    /** JSON array of { field, before, after }. */
    changes: text('changes', { mode: 'json' }).notNull(),
  },
  (table) => [index('audit_record').on(table.entity, table.entityId, table.id), index('audit_at').on(table.at)],
);
