import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { AuditEntity } from '../../../shared/api/audit';
import { maxAttachmentBytes, type AttachableEntity, type Attachment } from '../../../shared/api/attachments';
import { nowIso, type RequestContext } from '../../api/context';
import { invalid, notFound } from '../../api/errors';
import { attachments } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { readStoredFile, storeFile } from './store';

/** Table and title column of each attachable entity: to check the owner is live and to note the file in its history. */
const owners: Record<AttachableEntity, { table: string; titleColumn: string; auditEntity: AuditEntity }> = {
  enterprise: { table: 'enterprises', titleColumn: 'name', auditEntity: 'enterprise' },
  idleSite: { table: 'idle_sites', titleColumn: 'name', auditEntity: 'idleSite' },
  tank: { table: 'tanks', titleColumn: 'code', auditEntity: 'tank' },
  filing: { table: 'filings', titleColumn: 'number', auditEntity: 'filing' },
  // Site-check photos belong to the filing; kept apart so the site-check record lists only its own photos.
  filingSiteCheck: { table: 'filings', titleColumn: 'number', auditEntity: 'filing' },
  plan: { table: 'emergency_plans', titleColumn: 'name', auditEntity: 'plan' },
  planFiling: { table: 'plan_filings', titleColumn: "'备案登记 ' || received_on", auditEntity: 'planFiling' },
  drill: { table: 'drills', titleColumn: 'name', auditEntity: 'drill' },
  inspection: { table: 'inspections', titleColumn: "'检查 ' || inspected_on", auditEntity: 'inspection' },
  hazard: { table: 'hazards', titleColumn: 'number', auditEntity: 'hazard' },
  // Re-inspection photos belong to the hazard; kept apart so the 复查 record lists only its own photos.
  hazardReinspection: { table: 'hazards', titleColumn: 'number', auditEntity: 'hazard' },
  order: { table: 'rectification_orders', titleColumn: 'number', auditEntity: 'order' },
};

/** The live owner's title, or NOT_FOUND. */
function ownerTitle(ctx: RequestContext, entity: AttachableEntity, entityId: number): string {
  const { table, titleColumn } = owners[entity];
  const row = ctx.appDb.sqlite.prepare(`SELECT ${titleColumn} AS title FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(entityId) as
    | { title: string }
    | undefined;
  if (!row) throw notFound('附件所属的记录');
  return row.title;
}

/** Files come and go with their owner's story: the owner's 变更记录 shows them too. */
function recordOnOwner(ctx: RequestContext, row: Row, before: string | null, after: string | null): void {
  const entity = row.entity as AttachableEntity;
  recordAudit(ctx, {
    action: 'update',
    entity: owners[entity].auditEntity,
    entityId: row.entityId,
    entityTitle: ownerTitle(ctx, entity, row.entityId),
    changes: [{ field: 'attachments', before, after }],
  });
}

type Row = typeof attachments.$inferSelect;

function toAttachment(row: Row): Attachment {
  const { deletedAt: _deletedAt, updatedAt: _updatedAt, ...attachment } = row;
  return { ...attachment, entity: attachment.entity as AttachableEntity };
}

export function listAttachments(ctx: RequestContext, entity: AttachableEntity, entityId: number): Attachment[] {
  return ctx.appDb.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.entity, entity), eq(attachments.entityId, entityId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.id))
    .all()
    .map(toAttachment);
}

export function uploadAttachment(ctx: RequestContext, input: Parsed<'attachments.upload'>): Attachment {
  ownerTitle(ctx, input.entity, input.entityId);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw invalid('文件是空的，未上传', 'dataBase64');
  if (bytes.length > maxAttachmentBytes) {
    throw invalid(
      `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB）：单个附件不能超过 ${maxAttachmentBytes / 1024 / 1024} MB`,
      'dataBase64',
    );
  }
  const sha256 = storeFile(ctx, bytes);
  const now = nowIso(ctx);
  const row = ctx.appDb.db
    .insert(attachments)
    .values({
      entity: input.entity,
      entityId: input.entityId,
      fileName: input.fileName,
      mimeType: input.mimeType,
      size: bytes.length,
      sha256,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.user?.displayName ?? '系统',
    })
    .returning()
    .get();
  recordAudit(ctx, {
    action: 'create',
    entity: 'attachment',
    entityId: row.id,
    entityTitle: row.fileName,
    after: { fileName: row.fileName, size: row.size, owner: `${row.entity}#${row.entityId}` },
  });
  recordOnOwner(ctx, row, null, row.fileName);
  return toAttachment(row);
}

function liveRow(ctx: RequestContext, id: number): Row {
  const row = ctx.appDb.db.select().from(attachments).where(and(eq(attachments.id, id), isNull(attachments.deletedAt))).get();
  if (!row) throw notFound('该附件');
  return row;
}

export function attachmentContent(ctx: RequestContext, id: number) {
  const row = liveRow(ctx, id);
  return { attachment: toAttachment(row), dataBase64: readStoredFile(ctx, row.sha256).toString('base64') };
}

export function deleteAttachment(ctx: RequestContext, id: number): void {
  const row = liveRow(ctx, id);
  const now = nowIso(ctx);
  ctx.appDb.db.update(attachments).set({ deletedAt: now, updatedAt: now }).where(eq(attachments.id, id)).run();
  recordAudit(ctx, { action: 'delete', entity: 'attachment', entityId: id, entityTitle: row.fileName, changes: [] });
  recordOnOwner(ctx, row, row.fileName, null);
}
