import { and, asc, desc, eq, gte, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { IdleSite, IdleSiteFilters, IdleSiteInspection, IdleSiteSummary } from '../../../shared/api/idleSites';
import { idleSiteDisposals, type IdleSiteDisposal } from '../../../shared/domain/idleSite';
import { disposalNeedsDate, idleSiteSummarySentence } from '../../../shared/domain/idleSiteRules';
import { localToday, nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { invalid, notFound } from '../../api/errors';
import { contains } from '../../db/like';
import { gridWorkers, idleSiteInspections, idleSites, villages } from '../../db/schema';
import { diffRecords, recordAudit } from '../audit/service';
import { assertNoLinks, liveRowsPointingAt, type LinkCounter } from '../links';

/** Records that point at an idle site and so block deleting it: the tanks registered at the site. */
export const idleSiteLinks: LinkCounter[] = [
  liveRowsPointingAt('储罐', 'tanks', 'idle_site_id', 'code'),
  liveRowsPointingAt('检查记录', 'inspections', 'idle_site_id', 'inspected_on'),
  liveRowsPointingAt('隐患', 'hazards', 'idle_site_id', 'number'),
  liveRowsPointingAt('整改指令书', 'rectification_orders', 'idle_site_id', 'number'),
];

const inspectionCount = sql<number>`(SELECT count(*) FROM idle_site_inspections i WHERE i.idle_site_id = ${idleSites.id})`;
const lastInspectedOn = sql<string | null>`(SELECT max(i.inspected_on) FROM idle_site_inspections i WHERE i.idle_site_id = ${idleSites.id})`;
// Served by the tanks' partial unique index on (idle_site_id, code), whose condition the terms here imply.
const tankCount = sql<number>`(SELECT count(*) FROM tanks t WHERE t.idle_site_id = ${idleSites.id} AND t.idle_site_id IS NOT NULL AND t.deleted_at IS NULL)`;

const columns = {
  id: idleSites.id,
  name: idleSites.name,
  kind: idleSites.kind,
  address: idleSites.address,
  villageId: idleSites.villageId,
  villageName: villages.name,
  ownerName: idleSites.ownerName,
  ownerPhone: idleSites.ownerPhone,
  currentUse: idleSites.currentUse,
  finding: idleSites.finding,
  disposal: idleSites.disposal,
  sealed: idleSites.sealed,
  sampled: idleSites.sampled,
  foundOn: idleSites.foundOn,
  disposedOn: idleSites.disposedOn,
  gridWorkerId: idleSites.gridWorkerId,
  gridWorkerName: gridWorkers.name,
  longitude: idleSites.longitude,
  latitude: idleSites.latitude,
  notes: idleSites.notes,
  inspectionCount,
  lastInspectedOn,
  tankCount,
  createdAt: idleSites.createdAt,
  updatedAt: idleSites.updatedAt,
};

const sortColumns = {
  foundOn: idleSites.foundOn,
  name: idleSites.name,
  updatedAt: idleSites.updatedAt,
} as const;

/** WHERE for the list's filters. Search is LIKE: a town has at most a few thousand sites, one scan is cheap. */
export function idleSiteWhere(filters: IdleSiteFilters): SQL {
  const conditions: SQL[] = [isNull(idleSites.deletedAt)];
  if (filters.villageId !== undefined) conditions.push(eq(idleSites.villageId, filters.villageId));
  if (filters.kind !== undefined) conditions.push(eq(idleSites.kind, filters.kind));
  if (filters.finding !== undefined) conditions.push(eq(idleSites.finding, filters.finding));
  if (filters.disposal !== undefined) conditions.push(eq(idleSites.disposal, filters.disposal));
  if (filters.foundFrom !== undefined) conditions.push(gte(idleSites.foundOn, filters.foundFrom));
  if (filters.foundTo !== undefined) conditions.push(lte(idleSites.foundOn, filters.foundTo));
  if (filters.q) {
    conditions.push(or(contains(idleSites.name, filters.q), contains(idleSites.address, filters.q), contains(idleSites.ownerName, filters.q))!);
  }
  return and(...conditions)!;
}

function selectIdleSites(ctx: Pick<HandlerContext, 'appDb'>) {
  return ctx.appDb.db
    .select(columns)
    .from(idleSites)
    .innerJoin(villages, eq(villages.id, idleSites.villageId))
    .leftJoin(gridWorkers, eq(gridWorkers.id, idleSites.gridWorkerId));
}

// The enum columns are plain text in SQLite; the schema's CHECK-free columns only ever hold what the contract let in.
type IdleSiteRow = Omit<IdleSite, 'kind' | 'finding' | 'disposal'> & { kind: string; finding: string; disposal: string };

type IdleSiteSort = { sortField?: keyof typeof sortColumns; sortOrder?: 'ascend' | 'descend' };

function orderOf(sort: IdleSiteSort) {
  const direction = sort.sortOrder === 'ascend' ? asc : desc;
  // Ties broken by id in the same direction, so pages never overlap or skip rows.
  return [direction(sortColumns[sort.sortField ?? 'updatedAt']), direction(idleSites.id)] as const;
}

export function listIdleSites(ctx: HandlerContext, input: Parsed<'idleSites.list'>) {
  const where = idleSiteWhere(input);
  const items = selectIdleSites(ctx)
    .where(where)
    .orderBy(...orderOf(input))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all() as IdleSiteRow[] as IdleSite[];
  const total = ctx.appDb.db.select({ count: sql<number>`count(*)` }).from(idleSites).where(where).get()?.count ?? 0;
  return { items, total };
}

/** Every site matching the list's filters, in the list's order: what the printed 排查整治台账 holds. */
export function allIdleSites(ctx: HandlerContext, filters: IdleSiteFilters, sort: IdleSiteSort = {}): IdleSite[] {
  return selectIdleSites(ctx).where(idleSiteWhere(filters)).orderBy(...orderOf(sort)).all() as IdleSiteRow[] as IdleSite[];
}

export function getIdleSite(ctx: HandlerContext, id: number): IdleSite {
  const row = selectIdleSites(ctx)
    .where(and(eq(idleSites.id, id), isNull(idleSites.deletedAt)))
    .get();
  if (!row) throw notFound('该四闲场所');
  return row as IdleSiteRow as IdleSite;
}

export function idleSiteOptions(ctx: HandlerContext, input: Parsed<'idleSites.options'>) {
  const live = isNull(idleSites.deletedAt);
  const where = input.q ? and(live, or(contains(idleSites.name, input.q), contains(idleSites.address, input.q))) : live;
  return ctx.appDb.db
    .select({ id: idleSites.id, name: idleSites.name, villageName: villages.name })
    .from(idleSites)
    .innerJoin(villages, eq(villages.id, idleSites.villageId))
    .where(where)
    .orderBy(asc(idleSites.name), asc(idleSites.id))
    .limit(input.limit)
    .all();
}

/** A date in the future is a typing slip (2062 for 2026); the schema cannot know today, so it is checked here. */
function assertNotFuture(ctx: HandlerContext, date: string | null, field: string, label: string): void {
  if (date !== null && date > localToday(ctx)) throw invalid(`${label}不能晚于今天（${localToday(ctx)}）`, field);
}

type Fields = Parsed<'idleSites.create'>;

/** Checks what the schema cannot: the village and grid worker exist and are live, dates are not ahead of today. */
function assertWritable(ctx: HandlerContext, fields: Fields): void {
  const { db } = ctx.appDb;
  const village = db.select({ id: villages.id }).from(villages).where(and(eq(villages.id, fields.villageId), isNull(villages.deletedAt))).get();
  if (!village) throw invalid('所选村/社区不存在或已被删除', 'villageId');
  if (fields.gridWorkerId !== null) {
    const worker = db
      .select({ id: gridWorkers.id })
      .from(gridWorkers)
      .where(and(eq(gridWorkers.id, fields.gridWorkerId), isNull(gridWorkers.deletedAt)))
      .get();
    if (!worker) throw invalid('所选网格员不存在或已被删除', 'gridWorkerId');
  }
  assertNotFuture(ctx, fields.foundOn, 'foundOn', '排查日期');
  assertNotFuture(ctx, fields.disposedOn, 'disposedOn', '处置日期');
}

/** What the audit trail records of a site: its own fields, not the counts derived from other tables. */
function auditView(site: IdleSite): Record<string, unknown> {
  const { inspectionCount: _count, lastInspectedOn: _last, tankCount: _tanks, ...own } = site;
  return own;
}

export function createIdleSite(ctx: RequestContext, fields: Fields): IdleSite {
  assertWritable(ctx, fields);
  const now = nowIso(ctx);
  const inserted = ctx.appDb.db
    .insert(idleSites)
    .values({ ...fields, createdAt: now, updatedAt: now })
    .returning({ id: idleSites.id })
    .get();
  const created = getIdleSite(ctx, inserted.id);
  recordAudit(ctx, { action: 'create', entity: 'idleSite', entityId: created.id, entityTitle: created.name, after: auditView(created) });
  return created;
}

export function updateIdleSite(ctx: RequestContext, input: Parsed<'idleSites.update'>): IdleSite {
  const { id, ...fields } = input;
  const before = getIdleSite(ctx, id);
  assertWritable(ctx, fields);
  ctx.appDb.db
    .update(idleSites)
    .set({ ...fields, updatedAt: nowIso(ctx) })
    .where(eq(idleSites.id, id))
    .run();
  const after = getIdleSite(ctx, id);
  recordAudit(ctx, { action: 'update', entity: 'idleSite', entityId: id, entityTitle: after.name, before: auditView(before), after: auditView(after) });
  return after;
}

export function softDeleteIdleSite(ctx: RequestContext, id: number): void {
  const site = getIdleSite(ctx, id);
  assertNoLinks(ctx, idleSiteLinks, id, `四闲场所「${site.name}」`, '请先处理这些记录（如将储罐移出或删除）后再删除该场所。');
  const now = nowIso(ctx);
  // The inspections stay with the row: restoring the site from the 回收站 brings its history back with it.
  ctx.appDb.db.update(idleSites).set({ deletedAt: now, updatedAt: now }).where(eq(idleSites.id, id)).run();
  recordAudit(ctx, { action: 'delete', entity: 'idleSite', entityId: id, entityTitle: site.name, changes: [] });
}

const inspectionColumns = {
  id: idleSiteInspections.id,
  idleSiteId: idleSiteInspections.idleSiteId,
  inspectedOn: idleSiteInspections.inspectedOn,
  inspectors: idleSiteInspections.inspectors,
  finding: idleSiteInspections.finding,
  disposal: idleSiteInspections.disposal,
  sealed: idleSiteInspections.sealed,
  sampled: idleSiteInspections.sampled,
  remark: idleSiteInspections.remark,
  createdAt: idleSiteInspections.createdAt,
  createdBy: idleSiteInspections.createdBy,
};

export function listInspections(ctx: HandlerContext, idleSiteId: number): IdleSiteInspection[] {
  getIdleSite(ctx, idleSiteId);
  return ctx.appDb.db
    .select(inspectionColumns)
    .from(idleSiteInspections)
    .where(eq(idleSiteInspections.idleSiteId, idleSiteId))
    .orderBy(desc(idleSiteInspections.inspectedOn), desc(idleSiteInspections.id))
    .all() as IdleSiteInspection[];
}

/** One line for the site's 变更记录, so an inspection that changes nothing still shows there. */
function describeInspection(inspection: Parsed<'idleSites.addInspection'>): string {
  const extras = [inspection.sealed && '已贴封条', inspection.sampled && '已抽样化验'].filter(Boolean);
  return `${inspection.inspectedOn}（${inspection.inspectors}）：${inspection.finding}，${inspection.disposal}${extras.length ? `，${extras.join('，')}` : ''}${inspection.remark ? `。${inspection.remark}` : ''}`;
}

/**
 * Appends an inspection; dispatch runs it in one transaction with the site's update and the audit row. An
 * inspection dated before the latest one on file is history being filled in: it is kept, but the site's
 * current state stays with the later visit (only 抽样化验, once done, is carried over).
 */
export function addInspection(ctx: RequestContext, input: Parsed<'idleSites.addInspection'>) {
  const before = getIdleSite(ctx, input.idleSiteId);
  if (input.inspectedOn < before.foundOn) {
    throw invalid(`排查日期不能早于该场所的首次排查日期（${before.foundOn}）`, 'inspectedOn');
  }
  assertNotFuture(ctx, input.inspectedOn, 'inspectedOn', '排查日期');
  const current = before.lastInspectedOn === null || input.inspectedOn >= before.lastInspectedOn;
  const now = nowIso(ctx);
  const inserted = ctx.appDb.db
    .insert(idleSiteInspections)
    .values({ ...input, createdAt: now, createdBy: ctx.user?.displayName ?? '系统' })
    .returning({ id: idleSiteInspections.id })
    .get();

  const sampled = before.sampled || input.sampled;
  const update = current
    ? {
        finding: input.finding,
        disposal: input.disposal,
        sealed: input.sealed,
        sampled,
        // A disposal the site already had keeps the day it was first carried out; a new act is dated by this visit.
        disposedOn: !disposalNeedsDate(input.disposal)
          ? null
          : input.disposal === before.disposal && before.disposedOn
            ? before.disposedOn
            : input.inspectedOn,
      }
    : { sampled };
  ctx.appDb.db
    .update(idleSites)
    .set({ ...update, updatedAt: now })
    .where(eq(idleSites.id, before.id))
    .run();
  const site = getIdleSite(ctx, before.id);
  recordAudit(ctx, {
    action: 'update',
    entity: 'idleSite',
    entityId: site.id,
    entityTitle: site.name,
    changes: [
      { field: 'inspection', before: null, after: describeInspection(input) },
      ...diffRecords(auditView(before), auditView(site)),
    ],
  });
  const inspection = ctx.appDb.db
    .select(inspectionColumns)
    .from(idleSiteInspections)
    .where(eq(idleSiteInspections.id, inserted.id))
    .get() as IdleSiteInspection;
  return { site, inspection, current };
}

/**
 * The 四闲场所 summary: live sites found (排查日期) in the period and village, counted by their current finding,
 * disposal, seals and sampling. A violation disposed of later than the period still counts under its
 * disposal: the report tells what became of what was found.
 */
export function idleSiteSummary(ctx: HandlerContext, input: Parsed<'idleSites.summary'>): IdleSiteSummary {
  const { db } = ctx.appDb;
  const conditions: SQL[] = [isNull(idleSites.deletedAt)];
  if (input.from) conditions.push(gte(idleSites.foundOn, input.from));
  if (input.to) conditions.push(lte(idleSites.foundOn, input.to));
  if (input.villageId !== undefined) conditions.push(eq(idleSites.villageId, input.villageId));
  const where = and(...conditions)!;

  let villageName: string | null = null;
  if (input.villageId !== undefined) {
    const village = db.select({ name: villages.name }).from(villages).where(eq(villages.id, input.villageId)).get();
    if (!village) throw notFound('该村/社区');
    villageName = village.name;
  }

  const totals = db
    .select({
      total: sql<number>`count(*)`,
      illegal: sql<number>`coalesce(sum(${idleSites.finding} <> '无违法'), 0)`,
      sealed: sql<number>`coalesce(sum(${idleSites.sealed} OR ${idleSites.disposal} = '贴封条'), 0)`,
      sampled: sql<number>`coalesce(sum(${idleSites.sampled}), 0)`,
    })
    .from(idleSites)
    .where(where)
    .get()!;
  const byDisposal = Object.fromEntries(idleSiteDisposals.map((disposal) => [disposal, 0])) as Record<IdleSiteDisposal, number>;
  const grouped = db
    .select({ disposal: idleSites.disposal, count: sql<number>`count(*)` })
    .from(idleSites)
    .where(and(where, ne(idleSites.finding, '无违法')))
    .groupBy(idleSites.disposal)
    .all();
  for (const row of grouped) byDisposal[row.disposal as IdleSiteDisposal] = row.count;

  const counts = { total: totals.total, illegal: totals.illegal, byDisposal, sealed: totals.sealed, sampled: totals.sampled };
  return {
    from: input.from,
    to: input.to,
    villageName,
    ...counts,
    sentence: idleSiteSummarySentence(counts, { from: input.from, to: input.to, villageName }),
  };
}
