import type { Parsed } from '../../../shared/api';
import type { SortOrder } from '../../../shared/api/common';
import type { Hazard, OrderFilters, RectificationOrder } from '../../../shared/api/hazards';
import { localToday, nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { conflict, invalid, notFound } from '../../api/errors';
import { escapeLike } from '../../db/like';
import { SqlWhere } from '../../db/sqlWhere';
import { recordAudit } from '../audit/service';
import { nextNumber } from '../sequences/service';
import { getOfficeSettings, readSetting } from '../settings/service';
import { allHazards } from './service';
import { targetInVillageSql, targetSearchSql, targetSql, type TargetRow } from './targets';

const target = targetSql('o');

const orderSelect = `
  SELECT o.id, o.number, o.year, o.seq, o.issued_on AS issuedOn, o.deadline, o.officers, o.content, o.reviewed_on AS reviewedOn,
    o.review_opinion AS reviewOpinion, o.review_number AS reviewNumber, o.created_by AS createdBy, o.created_at AS createdAt, o.updated_at AS updatedAt,
    (SELECT count(*) FROM hazards h WHERE h.order_id = o.id AND h.deleted_at IS NULL) AS hazardCount,
    (SELECT count(*) FROM hazards h WHERE h.order_id = o.id AND h.deleted_at IS NULL AND h.status = '已销号') AS closedCount,
    ${target.columns}
  FROM rectification_orders o
  ${target.joins}`;

type RawOrder = RectificationOrder & TargetRow;

/** The settings key of the order number's prefix (示例镇应急责改 by default). */
export const orderPrefixKey = 'orderNumberPrefix';

/** 示例镇应急责改〔2026〕第 12 号: the prefix from the settings, the year of issue and the year's sequence. */
export function orderNumberOf(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕第${seq}号`;
}

function orderPrefix(ctx: HandlerContext): string {
  return readSetting<string | null>(ctx, orderPrefixKey, null) || `${getOfficeSettings(ctx).townName}应急责改`;
}

const hasOpenHazardSql = "EXISTS (SELECT 1 FROM hazards h WHERE h.order_id = o.id AND h.deleted_at IS NULL AND h.status <> '已销号')";

function orderWhere(filters: OrderFilters, today: string): SqlWhere {
  const where = new SqlWhere('o.deleted_at IS NULL').equal('o.enterprise_id', 'enterpriseId', filters.enterpriseId).between('o.issued_on', filters.from, filters.to);
  if (filters.villageId) where.add(targetInVillageSql('o'), { villageId: filters.villageId });
  if (filters.open) where.add(hasOpenHazardSql);
  if (filters.overdue) where.add(`o.deadline < @today AND ${hasOpenHazardSql}`, { today });
  if (filters.q) {
    where.add(targetSearchSql('o', ['number', 'officers']), { q: `%${escapeLike(filters.q)}%` });
  }
  return where;
}

/** By number — year of issue, then the year's sequence — newest first unless `ascend`. */
function orderOrderBy(sortOrder: SortOrder | undefined): string {
  const direction = sortOrder === 'ascend' ? 'ASC' : 'DESC';
  return `ORDER BY o.year ${direction}, o.seq ${direction}`;
}

export function listOrders(ctx: HandlerContext, input: Parsed<'orders.list'>) {
  const { where, params } = orderWhere(input, localToday(ctx));
  const items = ctx.appDb.sqlite
    .prepare(`${orderSelect} WHERE ${where} ${orderOrderBy(input.sortOrder)} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as RawOrder[];
  const total = ctx.appDb.sqlite.prepare(`SELECT count(*) FROM rectification_orders o WHERE ${where}`).pluck().get(params) as number;
  return { items, total };
}

/** Every order the list's filters keep, in the list's order (for the 指令书台账's print and export). */
export function allOrders(ctx: HandlerContext, filters: OrderFilters, sortOrder?: SortOrder): RectificationOrder[] {
  const { where, params } = orderWhere(filters, localToday(ctx));
  return ctx.appDb.sqlite.prepare(`${orderSelect} WHERE ${where} ${orderOrderBy(sortOrder)}`).all(params) as RawOrder[];
}

export function getOrder(ctx: HandlerContext, id: number): RectificationOrder & { hazards: Hazard[] } {
  const row = ctx.appDb.sqlite.prepare(`${orderSelect} WHERE o.id = ? AND o.deleted_at IS NULL`).get(id) as RawOrder | undefined;
  if (!row) throw notFound('该指令书');
  return { ...row, hazards: allHazards(ctx, { orderId: id }, { sortField: 'number', sortOrder: 'ascend' }) };
}

function userName(ctx: RequestContext): string {
  return ctx.user?.displayName ?? '系统';
}

/**
 * Issues a 责令限期整改指令书 for open hazards of one enterprise or idle site. Its number is the next of the year
 * (the `sequences` row is bumped inside this transaction, so two offices' PCs writing to one database, or two
 * quick clicks, never get the same number, and a deleted order's number is never handed out again).
 */
export function createOrder(ctx: RequestContext, input: Parsed<'orders.create'>): RectificationOrder {
  const today = localToday(ctx);
  if (input.issuedOn > today) throw invalid(`下达日期不能晚于今天（${today}）`, 'issuedOn');
  if (input.deadline < input.issuedOn) throw invalid('整改期限不能早于下达日期', 'deadline');
  const ids = [...new Set(input.hazardIds)];
  const hazards = ctx.appDb.sqlite
    .prepare(
      `SELECT id, number, enterprise_id AS enterpriseId, idle_site_id AS idleSiteId, status, order_id AS orderId, found_on AS foundOn
       FROM hazards WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as { id: number; number: string; enterpriseId: number | null; idleSiteId: number | null; status: string; orderId: number | null; foundOn: string }[];
  if (hazards.length !== ids.length) throw invalid('所选隐患不存在或已被删除', 'hazardIds');
  const targets = new Set(hazards.map((hazard) => `${hazard.enterpriseId ?? ''}|${hazard.idleSiteId ?? ''}`));
  if (targets.size > 1) throw invalid('一份指令书只能列同一单位的隐患', 'hazardIds');
  const closed = hazards.filter((hazard) => hazard.status === '已销号');
  if (closed.length) throw invalid(`隐患 ${closed.map((hazard) => hazard.number).join('、')} 已销号，无需下达指令书`, 'hazardIds');
  const ordered = hazards.filter((hazard) => hazard.orderId !== null);
  if (ordered.length) throw conflict(`隐患 ${ordered.map((hazard) => hazard.number).join('、')} 已列入其他指令书`, 'hazardIds');
  const early = hazards.filter((hazard) => hazard.foundOn > input.issuedOn);
  if (early.length) throw invalid(`下达日期不能早于隐患的发现日期（${early[0].number}：${early[0].foundOn}）`, 'issuedOn');

  const year = Number(input.issuedOn.slice(0, 4));
  const seq = nextNumber(ctx, 'order', year);
  const number = orderNumberOf(orderPrefix(ctx), year, seq);
  const now = nowIso(ctx);
  const id = Number(
    ctx.appDb.sqlite
      .prepare(
        `INSERT INTO rectification_orders (number, year, seq, enterprise_id, idle_site_id, issued_on, deadline, officers, content, created_by, created_at, updated_at)
         VALUES (@number, @year, @seq, @enterpriseId, @idleSiteId, @issuedOn, @deadline, @officers, @content, @createdBy, @now, @now)`,
      )
      .run({ ...input, number, year, seq, enterpriseId: hazards[0].enterpriseId, idleSiteId: hazards[0].idleSiteId, createdBy: userName(ctx), now }).lastInsertRowid,
  );
  const link = ctx.appDb.sqlite.prepare('UPDATE hazards SET order_id = ?, updated_at = ? WHERE id = ?');
  const event = ctx.appDb.sqlite.prepare(
    'INSERT INTO hazard_events (hazard_id, action, from_status, to_status, "on", remark, created_at, created_by) SELECT id, \'order\', status, status, ?, ?, ?, ? FROM hazards WHERE id = ?',
  );
  for (const hazard of hazards) {
    link.run(id, now, hazard.id);
    event.run(input.issuedOn, `列入指令书 ${number}，整改期限 ${input.deadline}`, now, userName(ctx), hazard.id);
  }
  const created = getOrder(ctx, id);
  const { hazards: listed, ...order } = created;
  recordAudit(ctx, {
    action: 'create',
    entity: 'order',
    entityId: id,
    entityTitle: number,
    after: { number, targetName: order.targetName, issuedOn: order.issuedOn, deadline: order.deadline, officers: order.officers, hazards: listed.map((hazard) => hazard.number).join('、') },
  });
  return order;
}

/** 整改复查意见书: the review of an order's hazards, numbered after the order (…第 12 号 复查). */
export function reviewOrder(ctx: RequestContext, input: Parsed<'orders.review'>): RectificationOrder {
  const before = getOrder(ctx, input.id);
  const today = localToday(ctx);
  if (input.reviewedOn > today) throw invalid(`复查日期不能晚于今天（${today}）`, 'reviewedOn');
  if (input.reviewedOn < before.issuedOn) throw invalid(`复查日期不能早于指令书下达日期（${before.issuedOn}）`, 'reviewedOn');
  const reviewNumber = before.reviewNumber ?? before.number.replace(/号$/, '号（复查）');
  ctx.appDb.sqlite
    .prepare('UPDATE rectification_orders SET reviewed_on = ?, review_opinion = ?, review_number = ?, updated_at = ? WHERE id = ?')
    .run(input.reviewedOn, input.opinion, reviewNumber, nowIso(ctx), input.id);
  const { hazards: _hazards, ...after } = getOrder(ctx, input.id);
  recordAudit(ctx, { action: 'update', entity: 'order', entityId: input.id, entityTitle: after.number, changes: [{ field: 'review', before: before.reviewOpinion, after: `${input.reviewedOn} ${input.opinion}` }] });
  return after;
}

/** The order goes to the 回收站; its hazards are free for another order and its number is never reused. */
export function softDeleteOrder(ctx: RequestContext, id: number): void {
  const order = getOrder(ctx, id);
  const now = nowIso(ctx);
  ctx.appDb.sqlite.prepare('UPDATE hazards SET order_id = NULL, updated_at = ? WHERE order_id = ?').run(now, id);
  ctx.appDb.sqlite.prepare('UPDATE rectification_orders SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  recordAudit(ctx, { action: 'delete', entity: 'order', entityId: id, entityTitle: order.number, changes: [{ field: 'hazards', before: order.hazards.map((hazard) => hazard.number).join('、'), after: null }] });
}
