import type { Parsed } from '../../../shared/api';
import type { Hazard, HazardFilters, HazardStatistics } from '../../../shared/api/hazards';
import {
  hazardActionLabels,
  hazardStatuses,
  isHazardOverdue,
  nextHazardStatus,
  rectificationRate,
  type HazardAction,
  type HazardLevel,
  type HazardSource,
  type HazardStatus,
} from '../../../shared/domain/hazard';
import { localToday, nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { conflict, invalid, notFound } from '../../api/errors';
import { bigramMatch } from '../../db/bigramSearch';
import { escapeLike } from '../../db/like';
import { SqlWhere } from '../../db/sqlWhere';
import { recordAudit } from '../audit/service';
import { nextNumber } from '../sequences/service';
import { assertTargetLive, targetSearchSql, targetSql, type TargetRow } from './targets';

const target = targetSql('h');

const hazardSelect = `
  SELECT h.id, h.number, h.inspection_id AS inspectionId, i.kind AS inspectionKind, h.source, h.found_on AS foundOn, h.place, h.description,
    h.level, h.basis, h.deadline, h.status, h.measures, h.responsible_name AS responsibleName, h.responsible_phone AS responsiblePhone,
    h.funds_wan AS fundsWan, h.rectified_on AS rectifiedOn, h.rectification_note AS rectificationNote, h.reinspected_on AS reinspectedOn,
    h.reinspector, h.reinspection_passed AS reinspectionPassed, h.reinspection_note AS reinspectionNote, h.closed_on AS closedOn,
    h.extensions, h.order_id AS orderId, o.number AS orderNumber, h.plan_targets AS planTargets, h.plan_methods AS planMethods,
    h.plan_funds AS planFunds, h.plan_organisation AS planOrganisation, h.plan_timeline AS planTimeline, h.plan_safety AS planSafety,
    h.listed_authority AS listedAuthority, h.listed_doc_no AS listedDocNo, h.listed_on AS listedOn, h.assigned_unit AS assignedUnit,
    h.assigned_deadline AS assignedDeadline, h.created_by AS createdBy, h.created_at AS createdAt, h.updated_at AS updatedAt, ${target.columns}
  FROM hazards h
  LEFT JOIN inspections i ON i.id = h.inspection_id
  LEFT JOIN rectification_orders o ON o.id = h.order_id AND o.deleted_at IS NULL
  ${target.joins}`;

type RawHazard = Omit<Hazard, 'overdue' | 'reinspectionPassed'> & TargetRow & { reinspectionPassed: number | null };

function toHazard(row: RawHazard, today: string): Hazard {
  return {
    ...row,
    reinspectionPassed: row.reinspectionPassed === null ? null : Boolean(row.reinspectionPassed),
    overdue: isHazardOverdue(row, today),
  };
}

/** The statuses of a hazard not yet closed (逾期 counts among these). */
const openStatusList = hazardStatuses
  .filter((status) => status !== '已销号')
  .map((status) => `'${status}'`)
  .join(', ');

/**
 * One key for a row's target — the enterprise, or the idle site as its negated id — written exactly as the
 * expression of the index hazards_target_live, so a village's hazards (enterprises and idle sites) are one IN
 * instead of an OR of two columns that no index serves.
 */
function hazardTargetKey(alias: string): string {
  return `CASE WHEN ${alias}.enterprise_id IS NULL THEN -${alias}.idle_site_id ELSE ${alias}.enterprise_id END`;
}

/** Enterprise ids matching `condition`, live ones through their partial indexes and deleted ones through enterprises_deleted_at. */
function enterpriseIdsSql(condition: string): string {
  return `SELECT id FROM enterprises WHERE ${condition} AND deleted_at IS NULL UNION ALL SELECT id FROM enterprises WHERE ${condition} AND deleted_at IS NOT NULL`;
}

/** Target keys (see hazardTargetKey) of a village's enterprises and idle sites, deleted ones included as before. */
const villageTargetKeysSql = `${enterpriseIdsSql('village_id = @villageId')} UNION ALL SELECT -id FROM idle_sites WHERE village_id = @villageId`;
/** An industry's enterprises (idle sites have none), for `enterprise_id IN`, served by hazards_enterprise_live. */
const industryEnterprisesSql = enterpriseIdsSql('industry = @industry');

/**
 * Ids of live hazards whose 编号, 部位 or 描述 contain `query` (the pair index holds live hazards only), or whose
 * enterprise or idle site is named so; null for a query of one character, which has no pair to look up. The units
 * are looked up once here (a request's count and page then share them), usually none.
 */
type HazardSearch = { sql: string; params: Record<string, string> };

function hazardSearchIds(ctx: HandlerContext, query: string): HazardSearch | null {
  const match = bigramMatch(query);
  if (match === null) return null;
  const q = `%${escapeLike(query)}%`;
  const sqlite = ctx.appDb.sqlite;
  // Names: the enterprises' trigram index from 3 characters; below that a scan of the name index alone (units with
  // hazards cannot be deleted, so live units suffice).
  const enterpriseIds = (
    [...query].length >= 3
      ? sqlite.prepare('SELECT rowid FROM enterprises_fts WHERE enterprises_fts MATCH ?').pluck().all(`name : "${query.replace(/"/g, '""')}"`)
      : sqlite.prepare("SELECT id FROM enterprises INDEXED BY enterprises_name_live WHERE deleted_at IS NULL AND name LIKE ? ESCAPE '\\'").pluck().all(q)
  ) as number[];
  const siteIds = sqlite.prepare("SELECT id FROM idle_sites WHERE deleted_at IS NULL AND name LIKE ? ESCAPE '\\'").pluck().all(q) as number[];
  const parts = ['SELECT rowid FROM hazards_search WHERE hazards_search MATCH @match'];
  if (enterpriseIds.length > 0) parts.push('SELECT id FROM hazards WHERE deleted_at IS NULL AND enterprise_id IN (SELECT value FROM json_each(@enterpriseIds))');
  if (siteIds.length > 0) parts.push('SELECT id FROM hazards WHERE deleted_at IS NULL AND idle_site_id IN (SELECT value FROM json_each(@siteIds))');
  return { sql: parts.join(' UNION '), params: { match, enterpriseIds: JSON.stringify(enterpriseIds), siteIds: JSON.stringify(siteIds) } };
}

/** Above this many matches a search page walks the found_on index (see listHazards). */
const walkSearchAbove = 2000;

/**
 * WHERE for the list's filters as of `today` (逾期 depends on it). When a filter names the hazards' targets (or their
 * inspection or order), its index drives the query and status, level, source and dates are only checked: the unary plus keeps
 * SQLite, which has no ANALYZE statistics here, from walking the far larger status, level or source range instead.
 * `walkSearch` makes a search only checked too, so the found_on index drives, and `search` passes the matches already
 * looked up (see listHazards).
 */
export function hazardWhere(ctx: HandlerContext, filters: HazardFilters, today: string, options: { walkSearch?: boolean; search?: HazardSearch | null } = {}): SqlWhere {
  const narrowed =
    filters.enterpriseId !== undefined ||
    filters.idleSiteId !== undefined ||
    filters.inspectionId !== undefined ||
    filters.orderId !== undefined ||
    filters.villageId !== undefined ||
    filters.industry !== undefined;
  const pin = narrowed ? '+' : '';
  const where = new SqlWhere('h.deleted_at IS NULL')
    .equal(`${pin}h.level`, 'level', filters.level)
    .equal(`${pin}h.status`, 'status', filters.status)
    .equal(`${pin}h.source`, 'source', filters.source)
    .equal('h.enterprise_id', 'enterpriseId', filters.enterpriseId)
    .equal('h.idle_site_id', 'idleSiteId', filters.idleSiteId)
    .equal('h.inspection_id', 'inspectionId', filters.inspectionId)
    .equal('h.order_id', 'orderId', filters.orderId)
    .between(`${pin}h.found_on`, filters.from, filters.to);
  if (filters.villageId) where.add(`${hazardTargetKey('h')} IN (${villageTargetKeysSql})`, { villageId: filters.villageId });
  if (filters.industry) where.add(`h.enterprise_id IN (${industryEnterprisesSql})`, { industry: filters.industry });
  // Open statuses by name (not `<> '已销号'`), so hazards_status_live serves the range.
  if (filters.overdue) where.add(`${pin}h.status IN (${openStatusList}) AND h.deadline < @today`, { today });
  if (filters.withoutOrder) where.add('h.order_id IS NULL');
  if (filters.q) {
    const search = options.search !== undefined ? options.search : hazardSearchIds(ctx, filters.q);
    if (search) where.add(`${options.walkSearch ? '+' : ''}h.id IN (${search.sql})`, search.params);
    // One character has no pair to look up: LIKE, names through subqueries (no join of every hazard).
    else where.add(targetSearchSql('h', ['number', 'place', 'description']), { q: `%${escapeLike(filters.q)}%` });
  }
  return where;
}

const sortColumns = { foundOn: 'h.found_on', deadline: 'h.deadline', number: 'h.number', updatedAt: 'h.updated_at' } as const;
type HazardSort = { sortField?: keyof typeof sortColumns; sortOrder?: 'ascend' | 'descend' };

function orderBy(sort: HazardSort): string {
  const direction = sort.sortOrder === 'ascend' ? 'ASC' : 'DESC';
  // 2026-99999 before 2026-100000 (a 虎门-sized year passes 99,999 hazards): by year, then length, then text.
  if (sort.sortField === 'number') return `ORDER BY substr(h.number, 1, 4) ${direction}, length(h.number) ${direction}, h.number ${direction}, h.id ${direction}`;
  return `ORDER BY ${sortColumns[sort.sortField ?? 'foundOn']} ${direction}, h.id ${direction}`;
}

export function listHazards(ctx: HandlerContext, input: Parsed<'hazards.list'>) {
  const today = localToday(ctx);
  const { page: _page, pageSize, sortField, sortOrder: _order, q, ...otherFilters } = input;
  const searchOnly = Object.values(otherFilters).every((value) => value === undefined || value === false);
  // A search's matches, counted in the index alone (ids, no hazard rows read).
  const search = q ? hazardSearchIds(ctx, q) : null;
  const matches = search ? (ctx.appDb.sqlite.prepare(`SELECT count(*) FROM (${search.sql})`).pluck().get(search.params) as number) : null;
  // Thousands of matches in the default order: walking found_on from the newest finds a page after a few hundred
  // entries, where fetching every match to sort it took 30–40 ms at 300,000 hazards; few matches are fetched by id.
  const walkSearch = matches !== null && matches > walkSearchAbove && (sortField ?? 'foundOn') === 'foundOn';
  const { where, params } = hazardWhere(ctx, input, today, { walkSearch, search });
  // The page's ids first (sorted on index columns alone), then only those rows with their joins: sorting thousands of
  // matches as full joined rows is what made a filtered page slow.
  const page = `SELECT h.id FROM hazards h WHERE ${where} ${orderBy(input)} LIMIT @limit OFFSET @offset`;
  const rows = ctx.appDb.sqlite
    .prepare(`${hazardSelect} WHERE h.id IN (${page}) ${orderBy(input)}`)
    .all({ ...params, limit: pageSize, offset: (input.page - 1) * pageSize }) as RawHazard[];
  const total =
    searchOnly && matches !== null ? matches : (ctx.appDb.sqlite.prepare(`SELECT count(*) FROM hazards h WHERE ${where}`).pluck().get(params) as number);
  return { items: rows.map((row) => toHazard(row, today)), total };
}

/** Every hazard under the filters, in the given order (the printed 隐患排查治理台账). */
export function allHazards(ctx: HandlerContext, filters: HazardFilters, sort: HazardSort = {}): Hazard[] {
  const today = localToday(ctx);
  const { where, params } = hazardWhere(ctx, filters, today);
  return (ctx.appDb.sqlite.prepare(`${hazardSelect} WHERE ${where} ${orderBy(sort)}`).all(params) as RawHazard[]).map((row) => toHazard(row, today));
}

export function getHazard(ctx: HandlerContext, id: number): Hazard {
  const row = ctx.appDb.sqlite.prepare(`${hazardSelect} WHERE h.id = ? AND h.deleted_at IS NULL`).get(id) as RawHazard | undefined;
  if (!row) throw notFound('该隐患');
  return toHazard(row, localToday(ctx));
}

function userName(ctx: RequestContext): string {
  return ctx.user?.displayName ?? '系统';
}

/** Appends one row to a hazard's history (hazard_events). */
export function recordEvent(ctx: RequestContext, hazardId: number, action: HazardAction | 'create' | 'update' | 'order' | 'import', from: HazardStatus | null, to: HazardStatus, on: string, remark: string | null): void {
  ctx.appDb.sqlite
    .prepare('INSERT INTO hazard_events (hazard_id, action, from_status, to_status, "on", remark, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(hazardId, action, from, to, on, remark, nowIso(ctx), userName(ctx));
}

/** What a hazard as found needs to be written, whatever brought it in (an inspection, 自查, 举报, an import). */
export interface FoundHazard {
  enterpriseId: number | null;
  idleSiteId: number | null;
  inspectionId: number | null;
  source: HazardSource;
  foundOn: string;
  place: string;
  description: string;
  level: HazardLevel;
  basis: string | null;
  deadline: string;
  measures: string | null;
  responsibleName: string | null;
  responsiblePhone: string | null;
  fundsWan: number | null;
}

/** The deadline and date rules of a hazard as found; `field` names where the form shows it. */
export function foundHazardProblems(hazard: Pick<FoundHazard, 'foundOn' | 'deadline'>, today: string, prefix = ''): Record<string, string> {
  const problems: Record<string, string> = {};
  if (hazard.foundOn > today) problems[`${prefix}foundOn`] = `发现日期不能晚于今天（${today}）`;
  if (hazard.deadline < hazard.foundOn) problems[`${prefix}deadline`] = `整改期限不能早于发现日期（${hazard.foundOn}）`;
  return problems;
}

/** Writes one hazard as found (待整改) with its number and history row; the caller checks the rules and audits. */
export function insertHazard(ctx: RequestContext, hazard: FoundHazard): number {
  const now = nowIso(ctx);
  const year = Number(hazard.foundOn.slice(0, 4));
  const number = `${year}-${String(nextNumber(ctx, 'hazard', year)).padStart(5, '0')}`;
  const id = Number(
    ctx.appDb.sqlite
      .prepare(
        `INSERT INTO hazards (number, inspection_id, enterprise_id, idle_site_id, source, found_on, place, description, level, basis, deadline, status,
          measures, responsible_name, responsible_phone, funds_wan, created_by, created_at, updated_at)
         VALUES (@number, @inspectionId, @enterpriseId, @idleSiteId, @source, @foundOn, @place, @description, @level, @basis, @deadline, '待整改',
          @measures, @responsibleName, @responsiblePhone, @fundsWan, @createdBy, @now, @now)`,
      )
      .run({ ...hazard, number, createdBy: userName(ctx), now }).lastInsertRowid,
  );
  recordEvent(ctx, id, 'create', null, '待整改', hazard.foundOn, `${hazard.source}发现，整改期限 ${hazard.deadline}`);
  return id;
}

function auditView(hazard: Hazard): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, createdBy: _b, villageId: _v, enterpriseId: _e, idleSiteId: _s, inspectionId: _i, orderId: _o, overdue: _d, ...rest } = hazard;
  return rest;
}

export function createHazard(ctx: RequestContext, input: Parsed<'hazards.create'>): Hazard {
  assertTargetLive(ctx, input);
  const problems = foundHazardProblems(input, localToday(ctx));
  const first = Object.entries(problems)[0];
  if (first) throw invalid(first[1], first[0]);
  const id = insertHazard(ctx, { ...input, inspectionId: null });
  const created = getHazard(ctx, id);
  recordAudit(ctx, { action: 'create', entity: 'hazard', entityId: id, entityTitle: created.number, after: auditView(created) });
  return created;
}

export function updateHazard(ctx: RequestContext, input: Parsed<'hazards.update'>): Hazard {
  const { id, ...fields } = input;
  const before = getHazard(ctx, id);
  if (before.status === '已销号') throw conflict(`隐患 ${before.number} 已销号，不能再修改`);
  if (fields.deadline !== before.deadline && before.deadline < localToday(ctx)) {
    throw invalid('已过整改期限，修改期限请用“延期”并写明理由', 'deadline');
  }
  if (fields.deadline < before.foundOn) throw invalid(`整改期限不能早于发现日期（${before.foundOn}）`, 'deadline');
  // 治理方案, 挂牌督办 and 交办 belong to 重大 hazards only; a hazard graded 一般 keeps none of them.
  const major = fields.level === '重大';
  const majorColumns = {
    planTargets: major ? fields.planTargets : null,
    planMethods: major ? fields.planMethods : null,
    planFunds: major ? fields.planFunds : null,
    planOrganisation: major ? fields.planOrganisation : null,
    planTimeline: major ? fields.planTimeline : null,
    planSafety: major ? fields.planSafety : null,
    listedAuthority: major ? fields.listedAuthority : null,
    listedDocNo: major ? fields.listedDocNo : null,
    listedOn: major ? fields.listedOn : null,
    assignedUnit: major ? fields.assignedUnit : null,
    assignedDeadline: major ? fields.assignedDeadline : null,
  };
  ctx.appDb.sqlite
    .prepare(
      `UPDATE hazards SET place = @place, description = @description, level = @level, basis = @basis, deadline = @deadline, measures = @measures,
        responsible_name = @responsibleName, responsible_phone = @responsiblePhone, funds_wan = @fundsWan, plan_targets = @planTargets,
        plan_methods = @planMethods, plan_funds = @planFunds, plan_organisation = @planOrganisation, plan_timeline = @planTimeline,
        plan_safety = @planSafety, listed_authority = @listedAuthority, listed_doc_no = @listedDocNo, listed_on = @listedOn,
        assigned_unit = @assignedUnit, assigned_deadline = @assignedDeadline, updated_at = @now WHERE id = @id`,
    )
    .run({ ...fields, ...majorColumns, now: nowIso(ctx), id });
  const after = getHazard(ctx, id);
  recordAudit(ctx, { action: 'update', entity: 'hazard', entityId: id, entityTitle: after.number, before: auditView(before), after: auditView(after) });
  return after;
}

/**
 * One step of the lifecycle. 销号 happens only through a passed 复查; a failed one sends the hazard back to 整改中;
 * 延期 needs a reason and a later deadline. Dispatch runs it in one transaction with its history and audit rows.
 */
export function transitionHazard(ctx: RequestContext, input: Parsed<'hazards.transition'>): Hazard {
  const before = getHazard(ctx, input.id);
  const label = hazardActionLabels[input.action];
  const to = nextHazardStatus(before.status, input.action, input.action === 'reinspect' ? (input.passed ?? true) : undefined);
  if (to === null) {
    const hint = before.status === '已销号' ? '' : input.action === 'reinspect' ? '；须先整改完成、申请复查' : '';
    throw conflict(`隐患 ${before.number} 当前为「${before.status}」，不能执行「${label}」${hint}`);
  }
  const today = localToday(ctx);
  const on = input.on ?? today;
  if (on > today) throw invalid(`日期不能晚于今天（${today}）`, 'on');
  if (on < before.foundOn) throw invalid(`日期不能早于发现日期（${before.foundOn}）`, 'on');
  const set: Record<string, unknown> = { status: to };
  let remark = input.remark;
  switch (input.action) {
    case 'startRectification':
      if (input.measures) set.measures = input.measures;
      if (input.responsibleName) set.responsible_name = input.responsibleName;
      break;
    case 'submitForReview':
      set.rectified_on = on;
      set.rectification_note = input.remark;
      break;
    case 'reinspect': {
      if (input.passed === undefined) throw invalid('请选择复查结果', 'passed');
      if (!input.reinspector) throw invalid('请填写复查人员', 'reinspector');
      if (before.rectifiedOn && on < before.rectifiedOn) throw invalid(`复查日期不能早于整改完成日期（${before.rectifiedOn}）`, 'on');
      if (!input.passed && !input.remark) throw invalid('复查不合格，请写明问题', 'remark');
      set.reinspected_on = on;
      set.reinspector = input.reinspector;
      set.reinspection_passed = input.passed ? 1 : 0;
      set.reinspection_note = input.remark;
      set.closed_on = input.passed ? on : null;
      remark = `${input.passed ? '复查合格，销号' : '复查不合格，继续整改'}（${input.reinspector}）${input.remark ? `：${input.remark}` : ''}`;
      break;
    }
    case 'extend':
      if (!input.newDeadline) throw invalid('请填写新的整改期限', 'newDeadline');
      if (input.newDeadline <= before.deadline) throw invalid(`新的整改期限应晚于原期限（${before.deadline}）`, 'newDeadline');
      if (!input.remark) throw invalid('请写明延期理由', 'remark');
      set.deadline = input.newDeadline;
      set.extensions = before.extensions + 1;
      remark = `延期：${before.deadline} → ${input.newDeadline}，理由：${input.remark}`;
      break;
  }
  const assignments = Object.keys(set).map((column) => `${column} = @${column}`);
  ctx.appDb.sqlite.prepare(`UPDATE hazards SET ${assignments.join(', ')}, updated_at = @now WHERE id = @id`).run({ ...set, now: nowIso(ctx), id: before.id });
  recordEvent(ctx, before.id, input.action, before.status, to, on, remark);
  const after = getHazard(ctx, before.id);
  recordAudit(ctx, {
    action: 'update',
    entity: 'hazard',
    entityId: after.id,
    entityTitle: after.number,
    changes: [{ field: 'status', before: before.status, after: `${to}（${label}${remark ? `：${remark}` : ''}）` }],
  });
  return after;
}

export function hazardHistory(ctx: HandlerContext, id: number) {
  getHazard(ctx, id);
  const labels: Record<string, string> = { ...hazardActionLabels, create: '登记隐患', update: '修改', order: '下达指令书', import: '导入' };
  const rows = ctx.appDb.sqlite
    .prepare(
      'SELECT id, action, from_status AS fromStatus, to_status AS toStatus, "on", remark, created_at AS createdAt, created_by AS createdBy FROM hazard_events WHERE hazard_id = ? ORDER BY id',
    )
    .all(id) as { id: number; action: string; fromStatus: HazardStatus | null; toStatus: HazardStatus; on: string; remark: string | null; createdAt: string; createdBy: string }[];
  return rows.map((row) => ({ ...row, actionLabel: labels[row.action] ?? row.action }));
}

export function softDeleteHazard(ctx: RequestContext, id: number): void {
  const hazard = getHazard(ctx, id);
  if (hazard.orderId) throw conflict(`隐患 ${hazard.number} 已列入指令书 ${hazard.orderNumber}，不能删除`);
  if (hazard.status !== '待整改') throw conflict(`隐患 ${hazard.number} 已${hazard.status}，整改记录须保留，不能删除`);
  const now = nowIso(ctx);
  ctx.appDb.sqlite.prepare('UPDATE hazards SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  recordAudit(ctx, { action: 'delete', entity: 'hazard', entityId: id, entityTitle: hazard.number, changes: [] });
}

/**
 * The seeds' figures for [from, to]: “共检查企业521家次,下达责令限期整改指令书287份,查出问题隐患2982条,已整改2695条”.
 * 已整改 counts hazards found in the period and closed (已销号) by today; 逾期 those found in it, open and past due.
 */
export function hazardStatistics(ctx: HandlerContext, input: Parsed<'hazards.statistics'>): HazardStatistics {
  if (input.to < input.from) throw invalid('结束日期不能早于开始日期', 'to');
  const today = localToday(ctx);
  const db = ctx.appDb.sqlite;
  const villageParams = input.villageId !== undefined ? { villageId: input.villageId } : {};
  const industryParams = input.industry !== undefined ? { industry: input.industry } : {};

  // Visits and orders: the period's index range, the village or industry checked against id lists.
  const scope = (alias: string, dateColumn: string) => {
    const where = new SqlWhere(`${alias}.deleted_at IS NULL`).between(`${alias}.${dateColumn}`, input.from, input.to).equal(`${alias}.enterprise_id`, 'enterpriseId', input.enterpriseId);
    if (input.villageId) {
      where.add(`(${alias}.enterprise_id IN (${enterpriseIdsSql('village_id = @villageId')}) OR ${alias}.idle_site_id IN (SELECT id FROM idle_sites WHERE village_id = @villageId))`, villageParams);
    }
    if (input.industry) where.add(`${alias}.enterprise_id IN (${industryEnterprisesSql})`, industryParams);
    return where;
  };
  const visits = scope('i', 'inspected_on');
  const inspections = db
    .prepare(
      `SELECT count(i.enterprise_id) AS enterpriseVisits, count(DISTINCT i.enterprise_id) AS enterprisesChecked, count(DISTINCT i.idle_site_id) AS idleSitesChecked
       FROM inspections i WHERE ${visits.where}`,
    )
    .get(visits.params) as { enterpriseVisits: number; enterprisesChecked: number; idleSitesChecked: number };
  const issued = scope('o', 'issued_on');
  const orders = db.prepare(`SELECT count(*) FROM rectification_orders o WHERE ${issued.where}`).pluck().get(issued.params) as number;

  // Hazards: counted from indexes alone (found, major found, and the open ones by level and deadline); 已整改 is what
  // is not open. A village goes through hazards_target_live, an enterprise or an industry through
  // hazards_enterprise_live; status, level and dates are only checked there.
  const pin = input.villageId !== undefined || input.industry !== undefined || input.enterpriseId !== undefined ? '+' : '';
  const found = new SqlWhere('h.deleted_at IS NULL').between(`${pin}h.found_on`, input.from, input.to).equal('h.enterprise_id', 'enterpriseId', input.enterpriseId);
  if (input.villageId) found.add(`${hazardTargetKey('h')} IN (${villageTargetKeysSql})`, villageParams);
  if (input.industry) found.add(`h.enterprise_id IN (${industryEnterprisesSql})`, industryParams);
  const count = (extra: string) => db.prepare(`SELECT count(*) FROM hazards h WHERE ${found.where}${extra}`).pluck().get(found.params) as number;
  const foundCount = count('');
  const majorFound = count(` AND ${pin}h.level = '重大'`);
  const open = db
    .prepare(
      `SELECT count(*) AS open, coalesce(sum(h.level = '重大'), 0) AS majorOpen, coalesce(sum(h.deadline < @today), 0) AS overdue
       FROM hazards h WHERE ${found.where} AND ${pin}h.status IN (${openStatusList})`,
    )
    .get({ ...found.params, today }) as { open: number; majorOpen: number; overdue: number };
  const hazards = {
    found: foundCount,
    rectified: foundCount - open.open,
    majorFound,
    majorClosed: majorFound - open.majorOpen,
    overdue: open.overdue,
  };
  const rate = rectificationRate(hazards.found, hazards.rectified);
  const sentence =
    `${input.from} 至 ${input.to}，共检查企业${inspections.enterpriseVisits}家次（${inspections.enterprisesChecked}家）` +
    `${inspections.idleSitesChecked ? `、“四闲”场所${inspections.idleSitesChecked}处` : ''}，下达责令限期整改指令书${orders}份，` +
    `查出问题隐患${hazards.found}条，已整改${hazards.rectified}条${rate === null ? '' : `，整改率${rate}%`}` +
    `${hazards.majorFound ? `；其中重大隐患${hazards.majorFound}条，已销号${hazards.majorClosed}条` : ''}` +
    `${hazards.overdue ? `；逾期未整改${hazards.overdue}条` : ''}。`;
  return {
    from: input.from,
    to: input.to,
    inspections: inspections.enterpriseVisits,
    enterprisesChecked: inspections.enterprisesChecked,
    idleSitesChecked: inspections.idleSitesChecked,
    orders,
    ...hazards,
    rate,
    sentence,
  };
}
