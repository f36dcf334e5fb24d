import { text } from 'drizzle-orm/sqlite-core';

/** created_at / updated_at every record carries (DESIGN.md §4.3); ISO-8601 UTC strings set by the service clock. */
export const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

/** Soft delete: a non-null value means the row sits in the 回收站. */
export const softDelete = {
  deletedAt: text('deleted_at'),
};
