import type { Parsed } from '../../../shared/api';
import { trashEntities, trashEntityLabels, type TrashEntity, type TrashItem } from '../../../shared/api/trash';
import { nowIso, type RequestContext } from '../../api/context';
import { conflict, isForeignKeyViolation, isUniqueViolation, notFound } from '../../api/errors';
import { recordAudit } from '../audit/service';
import { trashAdapters } from './adapters';

function deletedRowsSql(entities: readonly TrashEntity[]): string {
  return entities
    .map((entity) => {
      const adapter = trashAdapters[entity];
      return `SELECT '${entity}' AS entity, id, ${adapter.titleSql} AS title, deleted_at AS deletedAt FROM ${adapter.table} WHERE deleted_at IS NOT NULL`;
    })
    .join(' UNION ALL ');
}

export function listTrash(ctx: RequestContext, input: Parsed<'trash.list'>) {
  const entities = input.entity ? [input.entity] : trashEntities;
  const union = deletedRowsSql(entities);
  const { sqlite } = ctx.appDb;
  const items = sqlite
    .prepare(`SELECT * FROM (${union}) ORDER BY deletedAt DESC, entity, id LIMIT ? OFFSET ?`)
    .all(input.pageSize, (input.page - 1) * input.pageSize) as TrashItem[];
  const { total } = sqlite.prepare(`SELECT count(*) AS total FROM (${union})`).get() as { total: number };
  return { items, total };
}

function deletedRow(ctx: RequestContext, entity: TrashEntity, id: number): Record<string, unknown> & { title: string } {
  const adapter = trashAdapters[entity];
  const row = ctx.appDb.sqlite
    .prepare(`SELECT *, ${adapter.titleSql} AS title FROM ${adapter.table} WHERE id = ? AND deleted_at IS NOT NULL`)
    .get(id) as (Record<string, unknown> & { title: string }) | undefined;
  if (!row) throw notFound(`回收站中的该${trashEntityLabels[entity]}`);
  return row;
}

export function restoreFromTrash(ctx: RequestContext, entity: TrashEntity, id: number): void {
  const adapter = trashAdapters[entity];
  const { title } = deletedRow(ctx, entity, id);
  adapter.beforeRestore?.(ctx, id);
  try {
    if (adapter.withoutUpdatedAt) ctx.appDb.sqlite.prepare(`UPDATE ${adapter.table} SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`).run(id);
    else ctx.appDb.sqlite.prepare(`UPDATE ${adapter.table} SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`).run(nowIso(ctx), id);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(adapter.restoreConflictMessage(title));
    throw error;
  }
  recordAudit(ctx, { action: 'restore', entity: adapter.entity, entityId: id, entityTitle: title, changes: [] });
}

function purgeRow(ctx: RequestContext, entity: TrashEntity, row: Record<string, unknown> & { title: string }): void {
  const adapter = trashAdapters[entity];
  try {
    ctx.appDb.sqlite.prepare(`DELETE FROM ${adapter.table} WHERE id = ? AND deleted_at IS NOT NULL`).run(row.id);
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict(`「${row.title}」仍被其他记录引用（可能在回收站中），不能彻底删除。`);
    throw error;
  }
  adapter.afterPurge?.(ctx, row);
  recordAudit(ctx, { action: 'purge', entity: adapter.entity, entityId: Number(row.id), entityTitle: row.title, changes: [] });
}

export function purgeFromTrash(ctx: RequestContext, entity: TrashEntity, id: number): void {
  purgeRow(ctx, entity, deletedRow(ctx, entity, id));
}

/**
 * Empties the 回收站 (or one entity's part of it); dispatch runs it in one transaction, so it is all or
 * nothing. Children go before parents (filings before their tanks and enterprise; tanks before their enterprise, idle site and chemical; enterprises
 * before their villages).
 */
export function emptyTrash(ctx: RequestContext, entity?: TrashEntity): number {
  const order: TrashEntity[] = ['boundarySet', 'attachment', 'hazard', 'inspection', 'planFiling', 'drill', 'plan', 'filing', 'tank', 'enterprise', 'idleSite', 'chemical', 'gridWorker', 'village'];
  const entities = order.filter((name) => !entity || name === entity);
  let purged = 0;
  for (const name of entities) {
    const adapter = trashAdapters[name];
    const rows = ctx.appDb.sqlite
      .prepare(`SELECT *, ${adapter.titleSql} AS title FROM ${adapter.table} WHERE deleted_at IS NOT NULL`)
      .all() as (Record<string, unknown> & { title: string })[];
    for (const row of rows) purgeRow(ctx, name, row);
    purged += rows.length;
  }
  return purged;
}
