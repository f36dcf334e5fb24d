import { and, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { AuditAction, AuditEntity, AuditEntry, FieldChange } from '../../../shared/api/audit';
import { nowIso, type RequestContext } from '../../api/context';
import { auditLog } from '../../db/schema';
import { contains } from '../../db/like';
import { perConnection } from '../../db/perConnection';

/** Fields that change on every write and say nothing about what the user changed. */
const ignoredFields = new Set(['createdAt', 'updatedAt', 'deletedAt', 'passwordHash', 'nameInitials']);

/** The fields whose values differ between two versions of a record (before → after). */
export function diffRecords(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (ignoredFields.has(field) || field === 'id') continue;
    const old = before?.[field] ?? null;
    const next = after?.[field] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(next)) changes.push({ field, before: old, after: next });
  }
  return changes;
}

export interface AuditRecord {
  action: AuditAction;
  entity: AuditEntity;
  entityId: number;
  entityTitle: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Explicit changes, when a diff of whole records does not say it (e.g. “password reset”). */
  changes?: FieldChange[];
}

/**
 * Appends one audit row. Call it inside the same transaction as the change (dispatch wraps write methods in
 * one), so the change and its record land together or not at all.
 */
export function recordAudit(ctx: RequestContext, record: AuditRecord): void {
  const changes = record.changes ?? diffRecords(record.before ?? null, record.after ?? null);
  if (record.action === 'update' && changes.length === 0) return;
  insertStatement(ctx.appDb).run({
    at: nowIso(ctx),
    userId: ctx.user?.id ?? null,
    userName: ctx.user?.displayName ?? '系统',
    action: record.action,
    entity: record.entity,
    entityId: record.entityId,
    entityTitle: record.entityTitle,
    changes,
  });
}

const auditColumns = ['at', 'userId', 'userName', 'action', 'entity', 'entityId', 'entityTitle', 'changes'] as const;

// Built once per connection: every write appends a row here, and an import appends thousands in a row.
const insertStatement = perConnection((appDb) => {
  const values = Object.fromEntries(auditColumns.map((key) => [key, sql.placeholder(key)]));
  return appDb.db.insert(auditLog).values(values as unknown as typeof auditLog.$inferInsert).prepare();
});

function toEntry(row: typeof auditLog.$inferSelect): AuditEntry {
  return { ...row, entity: row.entity as AuditEntity, changes: row.changes as FieldChange[] };
}

function page(ctx: RequestContext, where: SQL | undefined, paging: { page: number; pageSize: number }) {
  const { db } = ctx.appDb;
  const items = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .all()
    .map(toEntry);
  const total = db.select({ count: sql<number>`count(*)` }).from(auditLog).where(where).get()?.count ?? 0;
  return { items, total };
}

export function auditForRecord(ctx: RequestContext, input: Parsed<'audit.forRecord'>) {
  return page(ctx, and(eq(auditLog.entity, input.entity), eq(auditLog.entityId, input.entityId)), input);
}

export function searchAudit(ctx: RequestContext, input: Parsed<'audit.list'>) {
  const filters: SQL[] = [];
  if (input.entity) filters.push(eq(auditLog.entity, input.entity));
  if (input.action) filters.push(eq(auditLog.action, input.action));
  if (input.userId) filters.push(eq(auditLog.userId, input.userId));
  if (input.from) filters.push(gte(auditLog.at, input.from));
  if (input.to) filters.push(lte(auditLog.at, input.to));
  if (input.q) {
    filters.push(or(contains(auditLog.entityTitle, input.q), contains(auditLog.userName, input.q))!);
  }
  return page(ctx, filters.length ? and(...filters) : undefined, input);
}
