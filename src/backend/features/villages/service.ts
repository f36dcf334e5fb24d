import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { Village } from '../../../shared/api/villages';
import { nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { conflict, isUniqueViolation, notFound } from '../../api/errors';
import { enterprises, gridWorkers, gridWorkerVillages, villages } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { assertNoLinks, liveRowsPointingAt, type LinkCounter } from '../links';
import { contains } from '../../db/like';

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

function villageQuery(input: { q?: string; kind?: Village['kind']; sortField?: keyof typeof sortColumns; sortOrder?: 'ascend' | 'descend' }) {
  const filters: SQL[] = [isNull(villages.deletedAt)];
  if (input.kind) filters.push(eq(villages.kind, input.kind));
  if (input.q) filters.push(or(contains(villages.name, input.q), contains(villages.code, input.q), contains(villages.contactName, input.q))!);
  const direction = input.sortOrder === 'descend' ? desc : asc;
  // id breaks ties so paging is stable.
  return { where: and(...filters), order: [direction(sortColumns[input.sortField ?? 'name']), asc(villages.id)] as const };
}

export function listVillages(ctx: HandlerContext, input: Parsed<'villages.list'>) {
  const { db } = ctx.appDb;
  const { where, order } = villageQuery(input);
  const items = db
    .select()
    .from(villages)
    .where(where)
    .orderBy(...order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map(toVillage);
  const total = db.select({ count: sql<number>`count(*)` }).from(villages).where(where).get()?.count ?? 0;
  return { items, total };
}

/** Every village matching the filters, in the list's order: the rows of the printed 一览表. */
export function allVillages(ctx: HandlerContext, input: Parameters<typeof villageQuery>[0]): Village[] {
  const { where, order } = villageQuery(input);
  return ctx.appDb.db.select().from(villages).where(where).orderBy(...order).all().map(toVillage);
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

export function createVillage(ctx: RequestContext, input: Parsed<'villages.create'>): Village {
  const now = nowIso(ctx);
  const village = withUniqueMessages(ctx, input, () =>
    toVillage(ctx.appDb.db.insert(villages).values({ ...input, createdAt: now, updatedAt: now }).returning().get()),
  );
  recordAudit(ctx, { action: 'create', entity: 'village', entityId: village.id, entityTitle: village.name, after: village });
  return village;
}

export function updateVillage(ctx: RequestContext, input: Parsed<'villages.update'>): Village {
  const { id, ...fields } = input;
  const before = getVillage(ctx, id);
  const after = withUniqueMessages(ctx, input, () =>
    toVillage(ctx.appDb.db.update(villages).set({ ...fields, updatedAt: nowIso(ctx) }).where(eq(villages.id, id)).returning().get()),
  );
  recordAudit(ctx, { action: 'update', entity: 'village', entityId: id, entityTitle: after.name, before, after });
  return after;
}

/** What must be moved or removed before a village can be deleted. */
export const villageLinks: LinkCounter[] = [
  {
    label: '企业',
    count: (ctx, id) =>
      ctx.appDb.db
        .select({ count: sql<number>`count(*)` })
        .from(enterprises)
        .where(and(eq(enterprises.villageId, id), isNull(enterprises.deletedAt)))
        .get()?.count ?? 0,
    examples: (ctx, id) =>
      ctx.appDb.db
        .select({ name: enterprises.name })
        .from(enterprises)
        .where(and(eq(enterprises.villageId, id), isNull(enterprises.deletedAt)))
        .orderBy(asc(enterprises.id))
        .limit(3)
        .all()
        .map((row) => row.name),
  },
  liveRowsPointingAt('四闲场所', 'idle_sites', 'village_id', 'name'),
  liveRowsPointingAt('应急预案', 'emergency_plans', 'village_id', 'name'),
  liveRowsPointingAt('应急演练', 'drills', 'village_id', 'name'),
  {
    label: '网格员',
    count: (ctx, id) =>
      ctx.appDb.db
        .select({ count: sql<number>`count(*)` })
        .from(gridWorkerVillages)
        .innerJoin(gridWorkers, eq(gridWorkers.id, gridWorkerVillages.gridWorkerId))
        .where(and(eq(gridWorkerVillages.villageId, id), isNull(gridWorkers.deletedAt)))
        .get()?.count ?? 0,
  },
];

export function softDeleteVillage(ctx: RequestContext, id: number): void {
  const village = getVillage(ctx, id);
  assertNoLinks(ctx, villageLinks, id, `「${village.name}」`, '请先将这些记录调整到其他村/社区后再删除。');
  const now = nowIso(ctx);
  ctx.appDb.db.update(villages).set({ deletedAt: now, updatedAt: now }).where(eq(villages.id, id)).run();
  recordAudit(ctx, { action: 'delete', entity: 'village', entityId: id, entityTitle: village.name, changes: [] });
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
