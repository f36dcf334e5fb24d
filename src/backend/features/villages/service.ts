import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { Village } from '../../../shared/api/villages';
import { nowIso, type HandlerContext } from '../../api/context';
import { conflict, isUniqueViolation, notFound } from '../../api/errors';
import { villages } from '../../db/schema';
import { escapeLike } from '../../db/like';

type VillageRow = typeof villages.$inferSelect;

function toVillage(row: VillageRow): Village {
  const { deletedAt: _deletedAt, ...village } = row;
  return village;
}

const sortColumns = {
  name: villages.name,
  code: villages.code,
  kind: villages.kind,
  population: villages.population,
  households: villages.households,
  updatedAt: villages.updatedAt,
} as const;

export function listVillages(ctx: HandlerContext, input: Parsed<'villages.list'>) {
  const { db } = ctx.appDb;
  const filters: SQL[] = [isNull(villages.deletedAt)];
  if (input.kind) filters.push(eq(villages.kind, input.kind));
  if (input.q) {
    const pattern = `%${escapeLike(input.q)}%`;
    filters.push(
      or(
        sql`${villages.name} LIKE ${pattern} ESCAPE '\\'`,
        sql`${villages.code} LIKE ${pattern} ESCAPE '\\'`,
        sql`${villages.contactName} LIKE ${pattern} ESCAPE '\\'`,
      )!,
    );
  }
  const where = and(...filters);
  const column = sortColumns[input.sortField ?? 'name'];
  const direction = input.sortOrder === 'descend' ? desc : asc;
  const items = db
    .select()
    .from(villages)
    .where(where)
    // Chinese names sort by code point, which groups 村 and 社区 sensibly; id breaks ties for stable paging.
    .orderBy(direction(column), asc(villages.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map(toVillage);
  const total = db.select({ count: sql<number>`count(*)` }).from(villages).where(where).get()?.count ?? 0;
  return { items, total };
}

export function getVillage(ctx: HandlerContext, id: number): Village {
  const row = ctx.appDb.db
    .select()
    .from(villages)
    .where(and(eq(villages.id, id), isNull(villages.deletedAt)))
    .get();
  if (!row) throw notFound('该村/社区');
  return toVillage(row);
}

export function villageOptions(ctx: HandlerContext) {
  return ctx.appDb.db
    .select({ id: villages.id, name: villages.name, kind: villages.kind })
    .from(villages)
    .where(isNull(villages.deletedAt))
    .orderBy(asc(villages.name))
    .all();
}

export function createVillage(ctx: HandlerContext, input: Parsed<'villages.create'>): Village {
  const now = nowIso(ctx);
  return withUniqueMessages(ctx, input, () => {
    const row = ctx.appDb.db
      .insert(villages)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning()
      .get();
    return toVillage(row);
  });
}

export function updateVillage(ctx: HandlerContext, input: Parsed<'villages.update'>): Village {
  const { id, ...fields } = input;
  return withUniqueMessages(ctx, input, () => {
    const row = ctx.appDb.db
      .update(villages)
      .set({ ...fields, updatedAt: nowIso(ctx) })
      .where(and(eq(villages.id, id), isNull(villages.deletedAt)))
      .returning()
      .get();
    if (!row) throw notFound('该村/社区');
    return toVillage(row);
  });
}

export function softDeleteVillage(ctx: HandlerContext, id: number): void {
  const now = nowIso(ctx);
  const result = ctx.appDb.db
    .update(villages)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(villages.id, id), isNull(villages.deletedAt)))
    .run();
  if (result.changes === 0) throw notFound('该村/社区');
}

/** Finds which live village already holds a name or code, to name it in the error. */
function withUniqueMessages<T>(ctx: HandlerContext, input: { name: string; code: string | null; id?: number }, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const { db } = ctx.appDb;
    const sameName = db
      .select({ id: villages.id })
      .from(villages)
      .where(and(eq(villages.name, input.name), isNull(villages.deletedAt)))
      .get();
    if (sameName && sameName.id !== input.id) throw conflict(`已存在名为「${input.name}」的村/社区`, 'name');
    if (input.code) {
      const sameCode = db
        .select({ name: villages.name })
        .from(villages)
        .where(and(eq(villages.code, input.code), isNull(villages.deletedAt)))
        .get();
      if (sameCode) throw conflict(`区划代码 ${input.code} 已被「${sameCode.name}」使用`, 'code');
    }
    throw error;
  }
}
