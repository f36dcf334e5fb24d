import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { MajorHazardUnit, Tank, TankFilters, TankStatusChange, TankSummary } from '../../../shared/api/tanks';
import { assessMajorHazard, exposureFactor } from '../../../shared/domain/majorHazard';
import { hazardousChemicalIndustries, tankCategories, tankStatuses, type TankCategory, type TankStatus } from '../../../shared/domain/tank';
import { localToday, nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { conflict, invalid, isUniqueViolation, notFound } from '../../api/errors';
import { contains } from '../../db/like';
import { chemicals, enterprises, idleSites, tanks, tankStatusChanges, villages } from '../../db/schema';
import { recordAudit } from '../audit/service';

/** The owner's columns, whichever kind it is: a tank has exactly one (the table's CHECK says so). */
const ownerName = sql<string>`coalesce(${enterprises.name}, ${idleSites.name})`;
const ownerVillageId = sql<number>`coalesce(${enterprises.villageId}, ${idleSites.villageId})`;
const hazardousList = sql.join(
  hazardousChemicalIndustries.map((industry) => sql`${industry}`),
  sql`, `,
);
/** The category, derived from the owner when read (so it follows an enterprise whose industry is corrected). */
const category = sql<TankCategory>`CASE WHEN ${tanks.idleSiteId} IS NOT NULL THEN '四闲场所储罐' WHEN ${enterprises.industry} IN (${hazardousList}) THEN '危化品企业储罐' ELSE '一般化工企业储罐' END`;

/** Categories in the seed's order (危化品, 一般化工, 四闲场所), for the ledger's default order. */
const categoryRank = sql`CASE ${category} ${sql.join(
  tankCategories.map((name, index) => sql`WHEN ${name} THEN ${index}`),
  sql` `,
)} END`;

const columns = {
  id: tanks.id,
  code: tanks.code,
  enterpriseId: tanks.enterpriseId,
  idleSiteId: tanks.idleSiteId,
  ownerKind: sql<'enterprise' | 'idleSite'>`CASE WHEN ${tanks.idleSiteId} IS NOT NULL THEN 'idleSite' ELSE 'enterprise' END`,
  ownerName,
  villageId: villages.id,
  villageName: villages.name,
  category,
  tankFarm: tanks.tankFarm,
  medium: tanks.medium,
  chemicalId: tanks.chemicalId,
  chemicalName: chemicals.name,
  cas: tanks.cas,
  designCapacityM3: tanks.designCapacityM3,
  maxStoredT: tanks.maxStoredT,
  type: tanks.type,
  material: tanks.material,
  pressureClass: tanks.pressureClass,
  status: tanks.status,
  publicLabel: tanks.publicLabel,
  responsibleName: tanks.responsibleName,
  responsiblePhone: tanks.responsiblePhone,
  lastCheckOn: tanks.lastCheckOn,
  registeredOn: tanks.registeredOn,
  longitude: tanks.longitude,
  latitude: tanks.latitude,
  notes: tanks.notes,
  createdAt: tanks.createdAt,
  updatedAt: tanks.updatedAt,
};

function selectTanks(ctx: HandlerContext) {
  return ctx.appDb.db
    .select(columns)
    .from(tanks)
    .leftJoin(enterprises, eq(enterprises.id, tanks.enterpriseId))
    .leftJoin(idleSites, eq(idleSites.id, tanks.idleSiteId))
    .innerJoin(villages, sql`${villages.id} = ${ownerVillageId}`)
    .leftJoin(chemicals, eq(chemicals.id, tanks.chemicalId));
}

/** WHERE for the list's filters (live tanks only); the summary adds its own date conditions. */
export function tankWhere(filters: TankFilters): SQL {
  const conditions: SQL[] = [isNull(tanks.deletedAt)];
  if (filters.category) conditions.push(sql`${category} = ${filters.category}`);
  if (filters.status) conditions.push(eq(tanks.status, filters.status));
  if (filters.villageId) conditions.push(sql`${ownerVillageId} = ${filters.villageId}`);
  if (filters.enterpriseId) conditions.push(eq(tanks.enterpriseId, filters.enterpriseId));
  if (filters.idleSiteId) conditions.push(eq(tanks.idleSiteId, filters.idleSiteId));
  if (filters.publicLabel !== undefined) conditions.push(eq(tanks.publicLabel, filters.publicLabel));
  if (filters.hasResponsible === true) conditions.push(sql`${tanks.responsibleName} IS NOT NULL`);
  if (filters.hasResponsible === false) conditions.push(sql`${tanks.responsibleName} IS NULL`);
  if (filters.q) {
    const q = filters.q;
    conditions.push(sql`(${contains(tanks.code, q)} OR ${contains(tanks.medium, q)} OR ${contains(tanks.tankFarm, q)} OR ${contains(ownerName, q)})`);
  }
  return and(...conditions)!;
}

const sortColumns = {
  code: tanks.code,
  ownerName,
  status: tanks.status,
  registeredOn: tanks.registeredOn,
  updatedAt: tanks.updatedAt,
} as const;

type TankSort = { sortField?: keyof typeof sortColumns; sortOrder?: 'ascend' | 'descend' };

function orderOf(sort: TankSort) {
  const direction = sort.sortOrder === 'descend' ? desc : asc;
  // Default: grouped by owner, then by tank farm and code, as a ledger lists them.
  if (!sort.sortField) return [asc(categoryRank), asc(ownerName), asc(tanks.tankFarm), asc(tanks.code), asc(tanks.id)];
  return [direction(sortColumns[sort.sortField]), direction(tanks.id)];
}

export function listTanks(ctx: HandlerContext, input: Parsed<'tanks.list'>) {
  const where = tankWhere(input);
  const items = selectTanks(ctx)
    .where(where)
    .orderBy(...orderOf(input))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all() as Tank[];
  const total =
    ctx.appDb.db
      .select({ count: sql<number>`count(*)` })
      .from(tanks)
      .leftJoin(enterprises, eq(enterprises.id, tanks.enterpriseId))
      .leftJoin(idleSites, eq(idleSites.id, tanks.idleSiteId))
      .where(where)
      .get()?.count ?? 0;
  return { items, total };
}

/** Every tank matching the filters, in ledger order: what a printed 储罐台账 holds. */
export function allTanks(ctx: HandlerContext, filters: TankFilters, sort: TankSort = {}): Tank[] {
  return selectTanks(ctx).where(tankWhere(filters)).orderBy(...orderOf(sort)).all() as Tank[];
}

export function getTank(ctx: HandlerContext, id: number): Tank {
  const row = selectTanks(ctx)
    .where(and(eq(tanks.id, id), isNull(tanks.deletedAt)))
    .get();
  if (!row) throw notFound('该储罐');
  return row as Tank;
}

type EditableFields = Omit<Parsed<'tanks.update'>, 'id'>;

/** The owner and the chemical must be live; a tank may not be registered to something in the 回收站. */
function assertWritable(ctx: HandlerContext, fields: EditableFields): void {
  const { db } = ctx.appDb;
  if (fields.enterpriseId !== null) {
    const owner = db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.id, fields.enterpriseId), isNull(enterprises.deletedAt))).get();
    if (!owner) throw invalid('所选企业不存在或已被删除', 'enterpriseId');
  }
  if (fields.idleSiteId !== null) {
    const owner = db.select({ id: idleSites.id }).from(idleSites).where(and(eq(idleSites.id, fields.idleSiteId), isNull(idleSites.deletedAt))).get();
    if (!owner) throw invalid('所选四闲场所不存在或已被删除', 'idleSiteId');
  }
  if (fields.chemicalId !== null) {
    const chemical = db.select({ id: chemicals.id }).from(chemicals).where(and(eq(chemicals.id, fields.chemicalId), isNull(chemicals.deletedAt))).get();
    if (!chemical) throw invalid('所选化学品不存在或已被删除', 'chemicalId');
  }
}

/** Runs a write; a clash on (owner, code) becomes a Chinese CONFLICT under 罐号. */
function withUniqueCode<T>(fields: { code: string }, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`该单位已有罐号为「${fields.code}」的储罐，同一单位内罐号不能重复`, 'code');
    throw error;
  }
}

function recordStatus(ctx: RequestContext, tankId: number, changedOn: string, fromStatus: TankStatus | null, toStatus: TankStatus, reason: string | null) {
  ctx.appDb.db
    .insert(tankStatusChanges)
    .values({ tankId, changedOn, fromStatus, toStatus, reason, createdAt: nowIso(ctx), createdBy: ctx.user?.displayName ?? '系统' })
    .run();
}

export function createTank(ctx: RequestContext, input: Parsed<'tanks.create'>): Tank {
  assertWritable(ctx, input);
  const now = nowIso(ctx);
  const { id } = withUniqueCode(input, () =>
    ctx.appDb.db
      .insert(tanks)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning({ id: tanks.id })
      .get(),
  );
  recordStatus(ctx, id, input.registeredOn, null, input.status, '登记');
  const created = getTank(ctx, id);
  recordAudit(ctx, { action: 'create', entity: 'tank', entityId: id, entityTitle: titleOf(created), after: created });
  return created;
}

export function updateTank(ctx: RequestContext, input: Parsed<'tanks.update'>): Tank {
  const { id, ...fields } = input;
  const before = getTank(ctx, id);
  assertWritable(ctx, fields);
  withUniqueCode(fields, () => ctx.appDb.db.update(tanks).set({ ...fields, updatedAt: nowIso(ctx) }).where(eq(tanks.id, id)).run());
  const after = getTank(ctx, id);
  recordAudit(ctx, { action: 'update', entity: 'tank', entityId: id, entityTitle: titleOf(after), before, after });
  return after;
}

function titleOf(tank: Pick<Tank, 'ownerName' | 'code'>): string {
  return `${tank.ownerName} ${tank.code}`;
}

export function softDeleteTank(ctx: RequestContext, id: number): void {
  const tank = getTank(ctx, id);
  const now = nowIso(ctx);
  ctx.appDb.db.update(tanks).set({ deletedAt: now, updatedAt: now }).where(eq(tanks.id, id)).run();
  recordAudit(ctx, { action: 'delete', entity: 'tank', entityId: id, entityTitle: titleOf(tank), changes: [] });
}

/** Bulk status change: each tank whose status differs gets a history entry and an audit row. */
export function changeTankStatus(ctx: RequestContext, input: Parsed<'tanks.changeStatus'>) {
  let changed = 0;
  for (const id of input.ids) {
    const before = getTank(ctx, id);
    if (before.status === input.status) continue;
    const latest = ctx.appDb.db
      .select({ changedOn: tankStatusChanges.changedOn })
      .from(tankStatusChanges)
      .where(eq(tankStatusChanges.tankId, id))
      .orderBy(desc(tankStatusChanges.changedOn), desc(tankStatusChanges.id))
      .limit(1)
      .get();
    if (latest && input.changedOn < latest.changedOn) {
      throw invalid(`储罐「${titleOf(before)}」在 ${latest.changedOn} 已有状态记录，变更日期不能早于它`, 'changedOn');
    }
    if (input.changedOn < before.registeredOn) throw invalid(`变更日期不能早于储罐「${titleOf(before)}」的登记日期 ${before.registeredOn}`, 'changedOn');
    ctx.appDb.db.update(tanks).set({ status: input.status, updatedAt: nowIso(ctx) }).where(eq(tanks.id, id)).run();
    recordStatus(ctx, id, input.changedOn, before.status, input.status, input.reason);
    recordAudit(ctx, {
      action: 'update',
      entity: 'tank',
      entityId: id,
      entityTitle: titleOf(before),
      changes: [{ field: 'status', before: before.status, after: `${input.status}（${input.changedOn}，${input.reason}）` }],
    });
    changed += 1;
  }
  return { changed, unchanged: input.ids.length - changed };
}

export function assignTankResponsible(ctx: RequestContext, input: Parsed<'tanks.assignResponsible'>) {
  for (const id of input.ids) {
    const before = getTank(ctx, id);
    ctx.appDb.db
      .update(tanks)
      .set({ responsibleName: input.responsibleName, responsiblePhone: input.responsiblePhone, updatedAt: nowIso(ctx) })
      .where(eq(tanks.id, id))
      .run();
    recordAudit(ctx, { action: 'update', entity: 'tank', entityId: id, entityTitle: titleOf(before), before, after: getTank(ctx, id) });
  }
  return { changed: input.ids.length };
}

export function tankStatusHistory(ctx: HandlerContext, id: number) {
  getTank(ctx, id);
  return ctx.appDb.db
    .select()
    .from(tankStatusChanges)
    .where(eq(tankStatusChanges.tankId, id))
    .orderBy(desc(tankStatusChanges.changedOn), desc(tankStatusChanges.id))
    .all()
    .map(({ tankId: _tankId, ...change }) => change as TankStatusChange);
}

const zeroCounts = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * The tanks as of a date, counted the way seed 000 reports them: registered by then, with the status they had
 * then (the last change on or before the date); 已拆除 tanks are counted apart. Filters as the list's, except
 * that `status` filters on the status as of the date.
 */
export function tankSummary(ctx: HandlerContext, input: Parsed<'tanks.summary'>): TankSummary {
  const asOf = input.asOf ?? localToday(ctx);
  // As of a date on or after the last recorded change, every tank's status is its current one: skip reading
  // the history tank by tank (most summaries are "as of today").
  const lastChange = ctx.appDb.db.select({ last: sql<string | null>`max(${tankStatusChanges.changedOn})` }).from(tankStatusChanges).get()?.last ?? '';
  const statusAsOf =
    asOf >= lastChange
      ? sql<TankStatus>`${tanks.status}`
      : sql<TankStatus>`(SELECT c.to_status FROM tank_status_changes c WHERE c.tank_id = ${tanks.id} AND c.changed_on <= ${asOf} ORDER BY c.changed_on DESC, c.id DESC LIMIT 1)`;
  const { status, ...filters } = input;
  const rows = ctx.appDb.db
    .select({
      category,
      status: statusAsOf,
      villageId: villages.id,
      villageName: villages.name,
      publicLabel: tanks.publicLabel,
      hasResponsible: sql<number>`${tanks.responsibleName} IS NOT NULL`,
    })
    .from(tanks)
    .leftJoin(enterprises, eq(enterprises.id, tanks.enterpriseId))
    .leftJoin(idleSites, eq(idleSites.id, tanks.idleSiteId))
    .innerJoin(villages, sql`${villages.id} = ${ownerVillageId}`)
    .where(and(tankWhere(filters), sql`${tanks.registeredOn} <= ${asOf}`))
    .all();
  const byCategory = zeroCounts(tankCategories);
  const byStatus = zeroCounts(tankStatuses);
  const villagesSeen = new Map<number, { villageId: number; villageName: string; total: number; byCategory: Record<TankCategory, number> }>();
  let total = 0;
  let unlabelled = 0;
  let noResponsible = 0;
  let removed = 0;
  for (const row of rows) {
    const rowStatus = row.status ?? '在用';
    if (status && rowStatus !== status) continue;
    if (rowStatus === '已拆除') {
      removed += 1;
      continue;
    }
    total += 1;
    byCategory[row.category] += 1;
    byStatus[rowStatus] += 1;
    if (!row.publicLabel) unlabelled += 1;
    if (!row.hasResponsible) noResponsible += 1;
    let village = villagesSeen.get(row.villageId);
    if (!village) {
      village = { villageId: row.villageId, villageName: row.villageName, total: 0, byCategory: zeroCounts(tankCategories) };
      villagesSeen.set(row.villageId, village);
    }
    village.total += 1;
    village.byCategory[row.category] += 1;
  }
  const sentence = `共摸排危险化学品企业储罐${byCategory['危化品企业储罐']}个,一般化工企业储罐${byCategory['一般化工企业储罐']}个,四闲场所储罐${byCategory['四闲场所储罐']}个`;
  return {
    asOf,
    total,
    byCategory,
    byStatus,
    byVillage: [...villagesSeen.values()].sort((a, b) => b.total - a.total || a.villageName.localeCompare(b.villageName, 'zh-CN')),
    unlabelled,
    noResponsible,
    removed,
    sentence,
  };
}

/**
 * GB 18218-2018 per enterprise tank farm: q is each tank's largest stored quantity, Q and β come from the
 * catalogue through the tank's chemical; tanks 已拆除 or 已清空 hold nothing and are left out.
 */
export function majorHazardUnits(ctx: HandlerContext, input: Parsed<'tanks.majorHazards'>): MajorHazardUnit[] {
  const conditions: SQL[] = [isNull(tanks.deletedAt), isNull(enterprises.deletedAt), inArray(tanks.status, ['在用', '停用', '闲置'])];
  if (input.enterpriseId) conditions.push(eq(tanks.enterpriseId, input.enterpriseId));
  const rows = ctx.appDb.db
    .select({
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
      markedMajorHazard: enterprises.majorHazard,
      tankFarm: tanks.tankFarm,
      quantity: tanks.maxStoredT,
      criticalQuantity: chemicals.criticalQuantity,
      beta: chemicals.beta,
    })
    .from(tanks)
    .innerJoin(enterprises, eq(enterprises.id, tanks.enterpriseId))
    .leftJoin(chemicals, and(eq(chemicals.id, tanks.chemicalId), isNull(chemicals.deletedAt)))
    .where(and(...conditions))
    .orderBy(asc(enterprises.name), asc(tanks.tankFarm))
    .all();
  const units = new Map<string, { head: (typeof rows)[number]; tankFarm: string; items: typeof rows }>();
  for (const row of rows) {
    const tankFarm = row.tankFarm ?? '未分罐区';
    const key = `${row.enterpriseId}\u0000${tankFarm}`;
    const unit = units.get(key) ?? { head: row, tankFarm, items: [] };
    unit.items.push(row);
    units.set(key, unit);
  }
  const alpha = input.peopleWithin500m === undefined ? null : exposureFactor(input.peopleWithin500m);
  return [...units.values()].map(({ head, tankFarm, items }) => {
    const measured = items.filter((item) => item.criticalQuantity !== null && item.criticalQuantity > 0 && item.quantity !== null);
    const assessment = assessMajorHazard(
      measured.map((item) => ({ quantity: item.quantity!, criticalQuantity: item.criticalQuantity!, beta: item.beta ?? undefined })),
      input.peopleWithin500m ?? 0,
    );
    return {
      enterpriseId: head.enterpriseId,
      enterpriseName: head.enterpriseName,
      tankFarm,
      markedMajorHazard: head.markedMajorHazard,
      tankCount: items.length,
      tanksWithoutQ: items.length - measured.length,
      ratioSum: assessment.ratioSum,
      isMajorHazard: assessment.isMajorHazard,
      alpha,
      risk: alpha === null ? null : assessment.risk,
      grade: alpha === null ? null : assessment.grade,
    };
  });
}
