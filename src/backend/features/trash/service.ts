import type { Parsed } from '../../../shared/api';
import { trashEntities, trashEntityLabels, type TrashEntity, type TrashItem } from '../../../shared/api/trash';
import { nowIso, type HandlerContext } from '../../api/context';
import { conflict, isForeignKeyViolation, isUniqueViolation, notFound } from '../../api/errors';
import { trashAdapters } from './adapters';

function deletedRowsSql(entities: readonly TrashEntity[]): string {
  return entities
    .map((entity) => {
      const adapter = trashAdapters[entity];
      return `SELECT '${entity}' AS entity, id, ${adapter.titleSql} AS title, deleted_at AS deletedAt FROM ${adapter.table} WHERE deleted_at IS NOT NULL`;
    })
    .join(' UNION ALL ');
}

export function listTrash(ctx: HandlerContext, input: Parsed<'trash.list'>) {
  const entities = input.entity ? [input.entity] : trashEntities;
  const union = deletedRowsSql(entities);
  const { sqlite } = ctx.appDb;
  const items = sqlite
    .prepare(`SELECT * FROM (${union}) ORDER BY deletedAt DESC, entity, id LIMIT ? OFFSET ?`)
    .all(input.pageSize, (input.page - 1) * input.pageSize) as TrashItem[];
  const { total } = sqlite.prepare(`SELECT count(*) AS total FROM (${union})`).get() as { total: number };
  return { items, total };
}

function titleOf(ctx: HandlerContext, entity: TrashEntity, id: number): string {
  const adapter = trashAdapters[entity];
  const row = ctx.appDb.sqlite
    .prepare(`SELECT ${adapter.titleSql} AS title FROM ${adapter.table} WHERE id = ? AND deleted_at IS NOT NULL`)
    .get(id) as { title: string } | undefined;
  if (!row) throw notFound(`回收站中的该${trashEntityLabels[entity]}`);
  return row.title;
}

export function restoreFromTrash(ctx: HandlerContext, entity: TrashEntity, id: number): void {
  const adapter = trashAdapters[entity];
  const title = titleOf(ctx, entity, id);
  try {
    ctx.appDb.sqlite
      .prepare(`UPDATE ${adapter.table} SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL`)
      .run(nowIso(ctx), id);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(adapter.restoreConflictMessage(title));
    throw error;
  }
}

export function purgeFromTrash(ctx: HandlerContext, entity: TrashEntity, id: number): void {
  const adapter = trashAdapters[entity];
  const title = titleOf(ctx, entity, id);
  try {
    ctx.appDb.sqlite.prepare(`DELETE FROM ${adapter.table} WHERE id = ? AND deleted_at IS NOT NULL`).run(id);
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict(`「${title}」仍被其他记录引用，不能彻底删除。`);
    throw error;
  }
}

/** Empties the 回收站 (or one entity's part of it) in one transaction; all or nothing. */
export function emptyTrash(ctx: HandlerContext, entity?: TrashEntity): number {
  const entities: readonly TrashEntity[] = entity ? [entity] : trashEntities;
  const { sqlite } = ctx.appDb;
  try {
    return sqlite.transaction(() => {
      let purged = 0;
      for (const name of entities) {
        purged += sqlite.prepare(`DELETE FROM ${trashAdapters[name].table} WHERE deleted_at IS NOT NULL`).run().changes;
      }
      return purged;
    })();
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict('回收站中有记录仍被其他记录引用，未做任何删除。');
    throw error;
  }
}
