import type { Parsed } from '../../../shared/api';
import type { PlanFilingFilters, PlanFilingRow } from '../../../shared/api/plans';
import {
  dueStateOf,
  filingCheckDeadlineOf,
  filingDeadlineOf,
  requiredFilingMaterials,
  type PlanFilingMaterial,
  type PlanFilingStatus,
  type PlanKind,
} from '../../../shared/domain/emergencyPlan';
import type { HolidayCalendar } from '../../../shared/domain/holidays';
import { localToday, nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { conflict, invalid, notFound } from '../../api/errors';
import { SqlWhere } from '../../db/sqlWhere';
import { recordAudit } from '../audit/service';
import { holidayCalendar } from '../holidays/service';
import { nextNumber } from '../sequences/service';
import { getOfficeSettings } from '../settings/service';
import { dueWindowDays } from './due';
import { ownerOut, ownerSql, townNameOf, type OwnerRow } from './owners';
import { getPlan } from './service';

interface RawFilingRow extends OwnerRow {
  id: number;
  planId: number;
  planName: string;
  planKind: PlanKind;
  crowdedPlace: number;
  versionId: number;
  version: string;
  issuedOn: string;
  docNo: string | null;
  receivedOn: string;
  submitter: string | null;
  submitterPhone: string | null;
  materials: string;
  status: PlanFilingStatus;
  checkedOn: string | null;
  checkedBy: string | null;
  number: string | null;
  resultNote: string | null;
  createdAt: string;
  updatedAt: string;
}

const owner = ownerSql('p');

const filingSelect = `
  SELECT f.id, f.plan_id AS planId, p.name AS planName, p.kind AS planKind, p.crowded_place AS crowdedPlace, f.version_id AS versionId,
    v.version, v.issued_on AS issuedOn, v.doc_no AS docNo, f.received_on AS receivedOn, f.submitter, f.submitter_phone AS submitterPhone,
    f.materials, f.status, f.checked_on AS checkedOn, f.checked_by AS checkedBy, f.number, f.result_note AS resultNote,
    f.created_at AS createdAt, f.updated_at AS updatedAt, ${owner.columns}
  FROM plan_filings f
  JOIN emergency_plans p ON p.id = f.plan_id
  JOIN plan_versions v ON v.id = f.version_id
  ${owner.joins}`;

function toRow(row: RawFilingRow, townName: string, today: string, calendar: HolidayCalendar): PlanFilingRow {
  const facts = { ownerType: row.ownerType, industry: row.industry, crowdedPlace: Boolean(row.crowdedPlace) };
  const materials = JSON.parse(row.materials) as PlanFilingMaterial[];
  const required = requiredFilingMaterials(facts);
  const deadline = filingCheckDeadlineOf(row.receivedOn, calendar);
  const filingDeadline = filingDeadlineOf(facts, row.issuedOn, calendar);
  return {
    id: row.id,
    planId: row.planId,
    planName: row.planName,
    planKind: row.planKind,
    ...ownerOut(row, townName),
    versionId: row.versionId,
    version: row.version,
    issuedOn: row.issuedOn,
    docNo: row.docNo,
    receivedOn: row.receivedOn,
    submitter: row.submitter,
    submitterPhone: row.submitterPhone,
    materials,
    requiredMaterials: required,
    missingMaterials: required.filter((material) => !materials.includes(material)),
    status: row.status,
    checkDeadline: { ...deadline, state: row.status === '待核对' ? dueStateOf(deadline.date, today, dueWindowDays) : 'done' },
    receivedInTime: filingDeadline ? row.receivedOn <= filingDeadline.date : null,
    checkedOn: row.checkedOn,
    checkedBy: row.checkedBy,
    number: row.number,
    resultNote: row.resultNote,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function filingWhere(filters: PlanFilingFilters): { where: string; params: Record<string, unknown> } {
  return new SqlWhere('f.deleted_at IS NULL')
    .equal('f.status', 'status', filters.status)
    .equal('f.plan_id', 'planId', filters.planId)
    .equal('p.enterprise_id', 'enterpriseId', filters.enterpriseId)
    .between('f.received_on', filters.from, filters.to)
    .search(['p.name', 'oe.name', 'p.department', 'f.number', 'f.submitter'], filters.q);
}

/** Every filing under the filters, most recently received first (or first received first with `ascend`). */
export function allPlanFilings(ctx: HandlerContext, filters: PlanFilingFilters, sortOrder: 'ascend' | 'descend' = 'descend'): PlanFilingRow[] {
  const { where, params } = filingWhere(filters);
  const direction = sortOrder === 'ascend' ? 'ASC' : 'DESC';
  const rows = ctx.appDb.sqlite.prepare(`${filingSelect} WHERE ${where} ORDER BY f.received_on ${direction}, f.id ${direction}`).all(params) as RawFilingRow[];
  const townName = townNameOf(ctx);
  const today = localToday(ctx);
  const calendar = holidayCalendar(ctx);
  return rows.map((row) => toRow(row, townName, today, calendar));
}

export function listPlanFilings(ctx: HandlerContext, input: Parsed<'planFilings.list'>) {
  const { where, params } = filingWhere(input);
  const direction = input.sortOrder === 'ascend' ? 'ASC' : 'DESC';
  const rows = ctx.appDb.sqlite
    .prepare(`${filingSelect} WHERE ${where} ORDER BY f.received_on ${direction}, f.id ${direction} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize }) as RawFilingRow[];
  const total = ctx.appDb.sqlite.prepare(`SELECT count(*) FROM plan_filings f JOIN emergency_plans p ON p.id = f.plan_id ${owner.joins} WHERE ${where}`).pluck().get(params) as number;
  const townName = townNameOf(ctx);
  const today = localToday(ctx);
  const calendar = holidayCalendar(ctx);
  return { items: rows.map((row) => toRow(row, townName, today, calendar)), total };
}

export function getPlanFiling(ctx: HandlerContext, id: number): PlanFilingRow {
  const row = ctx.appDb.sqlite.prepare(`${filingSelect} WHERE f.id = ? AND f.deleted_at IS NULL`).get(id) as RawFilingRow | undefined;
  if (!row) throw notFound('该备案登记');
  return toRow(row, townNameOf(ctx), localToday(ctx), holidayCalendar(ctx));
}

function userName(ctx: RequestContext): string {
  return ctx.user?.displayName ?? '系统';
}

function auditView(filing: PlanFilingRow): Record<string, unknown> {
  return {
    planName: `${filing.planName}（${filing.version}）`,
    ownerName: filing.ownerName,
    receivedOn: filing.receivedOn,
    submitter: [filing.submitter, filing.submitterPhone].filter(Boolean).join(' ') || null,
    materials: filing.materials.join('、'),
    status: filing.status,
    checkedOn: filing.checkedOn,
    number: filing.number,
    resultNote: filing.resultNote,
  };
}

function titleOf(filing: PlanFilingRow): string {
  return `${filing.planName}（${filing.version}）备案`;
}

function checkReceivedOn(ctx: HandlerContext, receivedOn: string, issuedOn: string): void {
  const today = localToday(ctx);
  if (receivedOn > today) throw invalid(`收到日期不能晚于今天（${today}）`, 'receivedOn');
  if (receivedOn < issuedOn) throw invalid(`收到日期不能早于预案发布日期（${issuedOn}）`, 'receivedOn');
}

/** Registers an incoming filing of the plan's current version; one live filing per version unless refused. */
export function createPlanFiling(ctx: RequestContext, input: Parsed<'planFilings.create'>): PlanFilingRow {
  const plan = getPlan(ctx, input.planId);
  checkReceivedOn(ctx, input.receivedOn, plan.issuedOn);
  const existing = ctx.appDb.sqlite
    .prepare("SELECT received_on AS receivedOn, status FROM plan_filings WHERE version_id = ? AND deleted_at IS NULL AND status <> '不予备案'")
    .get(plan.versionId) as { receivedOn: string; status: string } | undefined;
  if (existing) throw conflict(`该预案的现行版本（${plan.version}）已有备案登记（${existing.receivedOn} 收到，${existing.status}）`, 'planId');
  const now = nowIso(ctx);
  const id = Number(
    ctx.appDb.sqlite
      .prepare(
        `INSERT INTO plan_filings (plan_id, version_id, received_on, submitter, submitter_phone, materials, status, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '待核对', ?, ?, ?)`,
      )
      .run(plan.id, plan.versionId, input.receivedOn, input.submitter, input.submitterPhone, JSON.stringify([...new Set(input.materials)]), userName(ctx), now, now).lastInsertRowid,
  );
  const created = getPlanFiling(ctx, id);
  recordAudit(ctx, { action: 'create', entity: 'planFiling', entityId: id, entityTitle: titleOf(created), after: auditView(created) });
  return created;
}

export function updatePlanFiling(ctx: RequestContext, input: Parsed<'planFilings.update'>): PlanFilingRow {
  const before = getPlanFiling(ctx, input.id);
  if (before.status !== '待核对') throw conflict(`该备案已${before.status}，不能再修改`);
  checkReceivedOn(ctx, input.receivedOn, before.issuedOn);
  ctx.appDb.sqlite
    .prepare('UPDATE plan_filings SET received_on = ?, submitter = ?, submitter_phone = ?, materials = ?, updated_at = ? WHERE id = ?')
    .run(input.receivedOn, input.submitter, input.submitterPhone, JSON.stringify([...new Set(input.materials)]), nowIso(ctx), input.id);
  const after = getPlanFiling(ctx, input.id);
  recordAudit(ctx, { action: 'update', entity: 'planFiling', entityId: input.id, entityTitle: titleOf(after), before: auditView(before), after: auditView(after) });
  return after;
}

/**
 * 第二十八条: 予以备案 when the materials are complete (a number is issued and the version records the filing with
 * this office), otherwise 不予备案 naming, once, what is missing.
 */
export function decidePlanFiling(ctx: RequestContext, input: Parsed<'planFilings.decide'>): PlanFilingRow {
  const before = getPlanFiling(ctx, input.id);
  if (before.status !== '待核对') throw conflict(`该备案已${before.status}，不能再次核对`);
  const today = localToday(ctx);
  if (input.checkedOn > today) throw invalid(`核对日期不能晚于今天（${today}）`, 'checkedOn');
  if (input.checkedOn < before.receivedOn) throw invalid(`核对日期不能早于收到日期（${before.receivedOn}）`, 'checkedOn');
  const missing = before.missingMaterials;
  let number: string | null = null;
  let note: string | null = input.remark;
  if (input.result === '已备案') {
    if (missing.length) throw invalid(`材料不齐全，缺少：${missing.join('、')}；应不予备案，并一次性告知需要补齐的材料`, 'result');
    const year = Number(input.checkedOn.slice(0, 4));
    number = `${year}-${String(nextNumber(ctx, 'planFiling', year)).padStart(3, '0')}`;
    ctx.appDb.sqlite
      .prepare('UPDATE plan_versions SET filing_dept = ?, filing_on = ?, filing_number = ?, updated_at = ? WHERE id = ?')
      .run(getOfficeSettings(ctx).orgName || townNameOf(ctx) || '本办', input.checkedOn, number, nowIso(ctx), before.versionId);
  } else {
    if (!missing.length && !input.remark) throw invalid('材料齐全；如仍不予备案，请写明理由', 'remark');
    note = [missing.length ? `需补齐：${missing.join('、')}` : null, input.remark].filter(Boolean).join('；');
  }
  ctx.appDb.sqlite
    .prepare('UPDATE plan_filings SET status = ?, checked_on = ?, checked_by = ?, number = ?, result_note = ?, updated_at = ? WHERE id = ?')
    .run(input.result, input.checkedOn, userName(ctx), number, note, nowIso(ctx), input.id);
  const after = getPlanFiling(ctx, input.id);
  recordAudit(ctx, {
    action: 'update',
    entity: 'planFiling',
    entityId: input.id,
    entityTitle: titleOf(after),
    changes: [{ field: 'status', before: before.status, after: `${after.status}${number ? `（备案编号 ${number}）` : ''}${note ? `：${note}` : ''}` }],
  });
  if (number) {
    recordAudit(ctx, { action: 'update', entity: 'plan', entityId: before.planId, entityTitle: before.planName, changes: [{ field: 'filing', before: null, after: `${input.checkedOn} 备案编号 ${number}` }] });
  }
  return after;
}

export function softDeletePlanFiling(ctx: RequestContext, id: number): void {
  const filing = getPlanFiling(ctx, id);
  if (filing.status === '已备案') throw conflict(`该备案已予以备案（编号 ${filing.number}），不能删除`);
  const now = nowIso(ctx);
  ctx.appDb.sqlite.prepare('UPDATE plan_filings SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  recordAudit(ctx, { action: 'delete', entity: 'planFiling', entityId: id, entityTitle: titleOf(filing), changes: [] });
}
