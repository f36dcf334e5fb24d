import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { GridWorker, GridWorkerFilters } from '../../../shared/api/gridWorkers';
import { nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { invalid, notFound } from '../../api/errors';
import { contains } from '../../db/like';
import { enterprises, gridWorkers, gridWorkerVillages, villages } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { assertNoLinks, liveRowsPointingAt, type LinkCounter } from '../links';

type Row = typeof gridWorkers.$inferSelect;

/** Villages and enterprise counts for a page of grid workers, fetched in two queries rather than per row. */
function withRelations(ctx: HandlerContext, rows: Row[]): GridWorker[] {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const { db } = ctx.appDb;
  const assignments = db
    .select({ gridWorkerId: gridWorkerVillages.gridWorkerId, villageId: villages.id, villageName: villages.name })
    .from(gridWorkerVillages)
    .innerJoin(villages, eq(villages.id, gridWorkerVillages.villageId))
    .where(inArray(gridWorkerVillages.gridWorkerId, ids))
    .orderBy(asc(villages.code), asc(villages.id))
    .all();
  const counts = db
    .select({ gridWorkerId: enterprises.gridWorkerId, count: sql<number>`count(*)` })
    .from(enterprises)
    .where(and(inArray(enterprises.gridWorkerId, ids), isNull(enterprises.deletedAt)))
    .groupBy(enterprises.gridWorkerId)
    .all();
  return rows.map(({ deletedAt: _deletedAt, ...row }) => {
    const mine = assignments.filter((assignment) => assignment.gridWorkerId === row.id);
    return {
      ...row,
      villageIds: mine.map((assignment) => assignment.villageId),
      villageNames: mine.map((assignment) => assignment.villageName),
      enterpriseCount: counts.find((count) => count.gridWorkerId === row.id)?.count ?? 0,
    };
  });
}

function byVillage(villageId: number): SQL {
  return sql`${gridWorkers.id} IN (SELECT grid_worker_id FROM grid_worker_villages WHERE village_id = ${villageId})`;
}

/** The list's WHERE and order: one definition for the paged list and the printed/exported 网格员名册. */
function gridWorkerQuery(filters: GridWorkerFilters) {
  const conditions: SQL[] = [isNull(gridWorkers.deletedAt)];
  if (filters.villageId) conditions.push(byVillage(filters.villageId));
  if (filters.q) conditions.push(or(contains(gridWorkers.name, filters.q), contains(gridWorkers.phone, filters.q))!);
  // id breaks ties between namesakes so paging is stable.
  return { where: and(...conditions), order: [asc(gridWorkers.name), asc(gridWorkers.id)] as const };
}

export function listGridWorkers(ctx: HandlerContext, input: Parsed<'gridWorkers.list'>) {
  const { where, order } = gridWorkerQuery(input);
  const { db } = ctx.appDb;
  const rows = db
    .select()
    .from(gridWorkers)
    .where(where)
    .orderBy(...order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ count: sql<number>`count(*)` }).from(gridWorkers).where(where).get()?.count ?? 0;
  return { items: withRelations(ctx, rows), total };
}

/** Every grid worker matching the list's filters, in the list's order: the rows of the printed 网格员名册. */
export function allGridWorkers(ctx: HandlerContext, filters: GridWorkerFilters): GridWorker[] {
  const { where, order } = gridWorkerQuery(filters);
  return withRelations(ctx, ctx.appDb.db.select().from(gridWorkers).where(where).orderBy(...order).all());
}

export function gridWorkerOptions(ctx: HandlerContext, input: Parsed<'gridWorkers.options'>) {
  const filters: SQL[] = [isNull(gridWorkers.deletedAt)];
  if (input.villageId) filters.push(byVillage(input.villageId));
  return ctx.appDb.db
    .select({ id: gridWorkers.id, name: gridWorkers.name, phone: gridWorkers.phone })
    .from(gridWorkers)
    .where(and(...filters))
    .orderBy(asc(gridWorkers.name))
    .all();
}

export function getGridWorker(ctx: HandlerContext, id: number): GridWorker {
  const row = ctx.appDb.db.select().from(gridWorkers).where(and(eq(gridWorkers.id, id), isNull(gridWorkers.deletedAt))).get();
  if (!row) throw notFound('该网格员');
  return withRelations(ctx, [row])[0];
}

function assignVillages(ctx: HandlerContext, id: number, villageIds: number[]): void {
  const unique = [...new Set(villageIds)];
  const live = ctx.appDb.db
    .select({ id: villages.id })
    .from(villages)
    .where(and(inArray(villages.id, unique), isNull(villages.deletedAt)))
    .all();
  if (live.length !== unique.length) throw invalid('所选村/社区中有已删除或不存在的记录', 'villageIds');
  const { db } = ctx.appDb;
  db.delete(gridWorkerVillages).where(eq(gridWorkerVillages.gridWorkerId, id)).run();
  for (const villageId of unique) db.insert(gridWorkerVillages).values({ gridWorkerId: id, villageId }).run();
}

function auditView(worker: GridWorker) {
  const { enterpriseCount: _count, villageIds: _ids, ...view } = worker;
  return view;
}

export function createGridWorker(ctx: RequestContext, input: Parsed<'gridWorkers.create'>): GridWorker {
  const { villageIds, ...fields } = input;
  const now = nowIso(ctx);
  const { id } = ctx.appDb.db.insert(gridWorkers).values({ ...fields, createdAt: now, updatedAt: now }).returning({ id: gridWorkers.id }).get();
  assignVillages(ctx, id, villageIds);
  const created = getGridWorker(ctx, id);
  recordAudit(ctx, { action: 'create', entity: 'gridWorker', entityId: id, entityTitle: created.name, after: auditView(created) });
  return created;
}

export function updateGridWorker(ctx: RequestContext, input: Parsed<'gridWorkers.update'>): GridWorker {
  const { id, villageIds, ...fields } = input;
  const before = getGridWorker(ctx, id);
  ctx.appDb.db.update(gridWorkers).set({ ...fields, updatedAt: nowIso(ctx) }).where(eq(gridWorkers.id, id)).run();
  assignVillages(ctx, id, villageIds);
  const after = getGridWorker(ctx, id);
  recordAudit(ctx, { action: 'update', entity: 'gridWorker', entityId: id, entityTitle: after.name, before: auditView(before), after: auditView(after) });
  return after;
}

const gridWorkerLinks: LinkCounter[] = [
  {
    label: '负责的企业',
    count: (ctx, id) =>
      ctx.appDb.db
        .select({ count: sql<number>`count(*)` })
        .from(enterprises)
        .where(and(eq(enterprises.gridWorkerId, id), isNull(enterprises.deletedAt)))
        .get()?.count ?? 0,
  },
  liveRowsPointingAt('负责的四闲场所', 'idle_sites', 'grid_worker_id', 'name'),
];

export function softDeleteGridWorker(ctx: RequestContext, id: number): void {
  const worker = getGridWorker(ctx, id);
  assertNoLinks(ctx, gridWorkerLinks, id, `网格员「${worker.name}」`, '请先为这些企业或场所更换网格员。');
  const now = nowIso(ctx);
  ctx.appDb.db.update(gridWorkers).set({ deletedAt: now, updatedAt: now }).where(eq(gridWorkers.id, id)).run();
  recordAudit(ctx, { action: 'delete', entity: 'gridWorker', entityId: id, entityTitle: worker.name, changes: [] });
}
