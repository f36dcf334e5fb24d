import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { softDelete } from './columns';

/** Metadata of a file stored content-addressed under `<data>/attachments/<sha256[0..2]>/<sha256>`. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...softDelete,
  },
  (table) => [index('attachments_owner').on(table.entity, table.entityId), index('attachments_sha').on(table.sha256)],
);
