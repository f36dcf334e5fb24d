import type { Parsed } from '../../../shared/api';
import type { Plan, PlanDue, PlanFilters, PlanRow, PlanVersion, Reminder } from '../../../shared/api/plans';
import { filingCheckDeadlineOf, isListedUnit, planKindsByOwner, planOwnerTypeLabels, daysUntil, dueStateOf, type PlanKind, type PlanStatus } from '../../../shared/domain/emergencyPlan';
import type { HolidayCalendar } from '../../../shared/domain/holidays';
import { localToday, nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { AppError, conflict, invalid, notFound } from '../../api/errors';
import { ErrorCode } from '../../../shared/api/errors';
import { SqlWhere } from '../../db/sqlWhere';
import { recordAudit } from '../audit/service';
import { holidayCalendar } from '../holidays/service';
import { assertNoLinks, liveRowsPointingAt, type LinkCounter } from '../links';
import { planDueOf, planReminders, type DueFacts } from './due';
import { assertOwnerLive, inVillageSql, ownerOut, ownerSql, townNameOf, type OwnerRow } from './owners';

/** Records that keep a plan from being deleted. */
export const planLinks: LinkCounter[] = [
  liveRowsPointingAt('演练记录', 'drills', 'plan_id', "held_on || ' ' || name"),
  liveRowsPointingAt('备案登记', 'plan_filings', 'plan_id', "'收到于 ' || received_on"),
];

/** What the due dates are computed from, with the sort keys and the owner's names. */
interface DueFactsRow extends OwnerRow {
  id: number;
  kind: PlanKind;
  name: string;
  status: PlanStatus;
  updatedAt: string;
  crowdedPlace: number;
  issuedOn: string;
  lastEvaluatedOn: string | null;
  lastDrillOn: string | null;
  /** The version is on record as filed, or a filing of it was received and not refused. */
  filed: number;
}

interface RawPlanRow extends DueFactsRow {
  versionId: number;
  version: string;
  docNo: string | null;
  reviewOn: string | null;
  reviewResult: PlanRow['reviewResult'];
  signatory: string | null;
  filingDept: string | null;
  filingOn: string | null;
  filingNumber: string | null;
  versionCount: number;
  drillCount: number;
}

const owner = ownerSql('p');
const lastDrillSql = '(SELECT max(held_on) FROM drills d WHERE d.plan_id = p.id AND d.deleted_at IS NULL)';
const filedSql = `(v.filing_on IS NOT NULL OR EXISTS (SELECT 1 FROM plan_filings f WHERE f.plan_id = p.id AND f.version_id = v.id AND f.deleted_at IS NULL AND f.status <> '不予备案'))`;
const planFrom = `FROM emergency_plans p JOIN plan_versions v ON v.id = p.current_version_id ${owner.joins}`;

/**
 * The light read of every plan a computed order, the 已逾期 filter or the reminders need: at 虎门 scale (67,000
 * plans) it takes a fifth of the time of the full row, whose version details only a page needs.
 */
const dueFactsSelect = `
  SELECT p.id, p.kind, p.name, p.status, p.updated_at AS updatedAt, p.crowded_place AS crowdedPlace, v.issued_on AS issuedOn,
    p.last_evaluated_on AS lastEvaluatedOn, ${lastDrillSql} AS lastDrillOn, ${filedSql} AS filed, ${owner.columns}
  ${planFrom}`;

const planSelect = `
  SELECT p.id, p.kind, p.name, p.status, p.crowded_place AS crowdedPlace, p.last_evaluated_on AS lastEvaluatedOn, p.updated_at AS updatedAt,
    v.id AS versionId, v.version, v.doc_no AS docNo, v.issued_on AS issuedOn, v.review_on AS reviewOn, v.review_result AS reviewResult,
    v.signatory, v.filing_dept AS filingDept, v.filing_on AS filingOn, v.filing_number AS filingNumber,
    (SELECT count(*) FROM plan_versions x WHERE x.plan_id = p.id) AS versionCount,
    (SELECT count(*) FROM drills d WHERE d.plan_id = p.id AND d.deleted_at IS NULL) AS drillCount,
    ${lastDrillSql} AS lastDrillOn, ${filedSql} AS filed, ${owner.columns}
  ${planFrom}`;

function dueFactsOf(row: DueFactsRow): DueFacts {
  return {
    kind: row.kind,
    owner: { ownerType: row.ownerType, industry: row.industry, crowdedPlace: Boolean(row.crowdedPlace) },
    issuedOn: row.issuedOn,
    lastEvaluatedOn: row.lastEvaluatedOn,
    lastDrillOn: row.lastDrillOn,
    filed: Boolean(row.filed),
  };
}

function toPlanRow(row: RawPlanRow, townName: string, today: string, calendar: HolidayCalendar): PlanRow {
  const facts = dueFactsOf(row);
  return {
    id: row.id,
    ...ownerOut(row, townName),
    industry: row.industry,
    kind: row.kind,
    name: row.name,
    status: row.status,
    crowdedPlace: Boolean(row.crowdedPlace),
    listedUnit: isListedUnit(facts.owner),
    versionId: row.versionId,
    version: row.version,
    versionCount: row.versionCount,
    docNo: row.docNo,
    issuedOn: row.issuedOn,
    reviewOn: row.reviewOn,
    reviewResult: row.reviewResult,
    signatory: row.signatory,
    filingDept: row.filingDept,
    filingOn: row.filingOn,
    filingNumber: row.filingNumber,
    lastEvaluatedOn: row.lastEvaluatedOn,
    drillCount: row.drillCount,
    due: planDueOf(facts, today, calendar),
    updatedAt: row.updatedAt,
  };
}

/** WHERE and parameters for the list's SQL filters (the due filter is applied after computing). */
function planWhere(filters: PlanFilters): { where: string; params: Record<string, unknown> } {
  const where = new SqlWhere('p.deleted_at IS NULL')
    .equal('p.owner_type', 'ownerType', filters.ownerType)
    .equal('p.kind', 'kind', filters.kind)
    .equal('p.status', 'status', filters.status)
    .equal('p.enterprise_id', 'enterpriseId', filters.enterpriseId)
    .search(['p.name', 'v.doc_no', 'p.department', 'oe.name', 'ov.name', 'v.filing_number'], filters.q);
  if (filters.villageId) where.add(inVillageSql('p'), { villageId: filters.villageId });
  return where;
}

type PlanSort = { sortField?: Parsed<'plans.list'>['sortField']; sortOrder?: 'ascend' | 'descend' };

const collator = new Intl.Collator('zh-CN');

/** What a computed order and the due filter read of a plan (a full row, or a light one with its due dates). */
type Sortable = Pick<PlanRow, 'id' | 'name' | 'issuedOn' | 'updatedAt' | 'due'>;

function comparePlans(sort: PlanSort): (a: Sortable, b: Sortable) => number {
  const sign = sort.sortOrder === 'ascend' ? 1 : -1;
  const key = (row: Sortable): string => {
    switch (sort.sortField) {
      case 'name':
        return row.name;
      case 'issuedOn':
        return row.issuedOn;
      case 'nextEvaluation':
        return row.due.evaluation.date;
      case 'nextDrill':
        return row.due.drill.date;
      default:
        return row.updatedAt;
    }
  };
  // Dates and timestamps compare as plain text (ISO); only names need the collator (pinyin order), which is far slower.
  const compare = sort.sortField === 'name' ? collator.compare : (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a, b) => sign * compare(key(a), key(b)) || sign * (a.id - b.id);
}

function isDue(row: Pick<Sortable, 'due'>, state: 'overdue' | 'due'): boolean {
  const states = [row.due.filing?.state, row.due.evaluation.state, row.due.drill.state];
  return state === 'overdue' ? states.includes('overdue') : states.includes('overdue') || states.includes('due');
}

/**
 * Every plan under the filters, with its due dates as of today, in the requested order (the printed and exported
 * register). Due dates depend on the holiday calendar and today, so they are computed when read, never stored.
 */
export function allPlans(ctx: HandlerContext, filters: PlanFilters, sort: PlanSort = {}): PlanRow[] {
  const { where, params } = planWhere(filters);
  const raw = ctx.appDb.sqlite.prepare(`${planSelect} WHERE ${where}`).all(params) as RawPlanRow[];
  const townName = townNameOf(ctx);
  const today = localToday(ctx);
  const calendar = holidayCalendar(ctx);
  let rows = raw.map((row) => toPlanRow(row, townName, today, calendar));
  if (filters.due) rows = rows.filter((row) => isDue(row, filters.due!));
  return rows.sort(comparePlans(sort));
}

/** The SQL order of a sort that needs no computed value (pinyin name order and due dates are computed). */
function sqlOrderOf(sort: PlanSort): string | null {
  const direction = sort.sortOrder === 'ascend' ? 'ASC' : 'DESC';
  if (!sort.sortField || sort.sortField === 'updatedAt') return `p.updated_at ${direction}, p.id ${direction}`;
  if (sort.sortField === 'issuedOn') return `v.issued_on ${direction}, p.id ${direction}`;
  return null;
}

/**
 * One page of the register. Ordered by a stored column and unfiltered by due state, SQL pages it; otherwise the due
 * dates of every matching plan are computed from the light read, and only the page's plans are read in full.
 */
export function listPlans(ctx: HandlerContext, input: Parsed<'plans.list'>) {
  const { where, params } = planWhere(input);
  const townName = townNameOf(ctx);
  const today = localToday(ctx);
  const calendar = holidayCalendar(ctx);
  const offset = (input.page - 1) * input.pageSize;
  const sqlOrder = sqlOrderOf(input);
  if (!input.due && sqlOrder) {
    const raw = ctx.appDb.sqlite
      .prepare(`${planSelect} WHERE ${where} ORDER BY ${sqlOrder} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: input.pageSize, offset }) as RawPlanRow[];
    const total = ctx.appDb.sqlite.prepare(`SELECT count(*) ${planFrom} WHERE ${where}`).pluck().get(params) as number;
    return { items: raw.map((row) => toPlanRow(row, townName, today, calendar)), total };
  }
  let candidates: Sortable[] = (ctx.appDb.sqlite.prepare(`${dueFactsSelect} WHERE ${where}`).all(params) as DueFactsRow[]).map((row) => ({
    id: row.id,
    name: row.name,
    issuedOn: row.issuedOn,
    updatedAt: row.updatedAt,
    due: planDueOf(dueFactsOf(row), today, calendar),
  }));
  if (input.due) candidates = candidates.filter((row) => isDue(row, input.due!));
  const pageIds = candidates
    .sort(comparePlans(input))
    .slice(offset, offset + input.pageSize)
    .map((row) => row.id);
  const byId = new Map(
    (ctx.appDb.sqlite.prepare(`${planSelect} WHERE p.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(pageIds)) as RawPlanRow[]).map((row) => [
      row.id,
      toPlanRow(row, townName, today, calendar),
    ]),
  );
  return { items: pageIds.map((id) => byId.get(id)!), total: candidates.length };
}

function versionsOf(ctx: HandlerContext, planId: number): PlanVersion[] {
  return ctx.appDb.sqlite
    .prepare(
      `SELECT id, version, doc_no AS docNo, issued_on AS issuedOn, review_kind AS reviewKind, review_on AS reviewOn, review_experts AS reviewExperts,
        review_result AS reviewResult, signatory, filing_dept AS filingDept, filing_on AS filingOn, filing_number AS filingNumber,
        revision_trigger AS revisionTrigger, revision_note AS revisionNote, created_by AS createdBy, created_at AS createdAt
       FROM plan_versions WHERE plan_id = ? ORDER BY id DESC`,
    )
    .all(planId) as PlanVersion[];
}

export function getPlan(ctx: HandlerContext, id: number): Plan {
  const raw = ctx.appDb.sqlite.prepare(`${planSelect} WHERE p.id = ? AND p.deleted_at IS NULL`).get(id) as RawPlanRow | undefined;
  if (!raw) throw notFound('该预案');
  const extra = ctx.appDb.sqlite
    .prepare('SELECT evaluation_conclusion AS evaluationConclusion, evaluation_note AS evaluationNote, notes, created_by AS createdBy, created_at AS createdAt FROM emergency_plans WHERE id = ?')
    .get(id) as Pick<Plan, 'evaluationConclusion' | 'evaluationNote' | 'notes' | 'createdBy' | 'createdAt'>;
  const versions = versionsOf(ctx, id);
  const row = toPlanRow(raw, townNameOf(ctx), localToday(ctx), holidayCalendar(ctx));
  return { ...row, ...extra, current: versions.find((version) => version.id === raw.versionId)!, versions };
}

type VersionInput = Pick<Parsed<'plans.create'>, 'version' | 'docNo' | 'issuedOn' | 'reviewKind' | 'reviewOn' | 'reviewExperts' | 'reviewResult' | 'signatory' | 'filingDept' | 'filingOn' | 'filingNumber'>;

/** Field errors a version's dates and review may carry, all at once. */
function versionProblems(fields: VersionInput, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (fields.issuedOn > today) problems.issuedOn = `发布日期不能晚于今天（${today}）`;
  if (fields.reviewOn && fields.reviewOn > fields.issuedOn) problems.reviewOn = '评审（论证）应在发布之前，评审日期不能晚于发布日期';
  if (fields.reviewOn && !fields.reviewKind) problems.reviewKind = '请选择评审或论证';
  if (fields.reviewResult === '不通过') problems.reviewResult = '评审不通过的预案不能发布；请修改后重新评审';
  if (fields.filingOn && fields.filingOn < fields.issuedOn) problems.filingOn = '备案日期不能早于发布日期';
  if (fields.filingOn && fields.filingOn > today) problems.filingOn = `备案日期不能晚于今天（${today}）`;
  if (fields.filingOn && !fields.filingDept) problems.filingDept = '已填写备案日期，请填写备案部门';
  return problems;
}

function throwProblems(problems: Record<string, string>): void {
  const messages = Object.values(problems);
  if (messages.length) throw new AppError(ErrorCode.InvalidInput, messages.join('；'), problems);
}

type PlanInput = Parsed<'plans.create'>;

/**
 * Every problem of a plan's own fields and its version as of `today`, by field, all at once: the form shows them
 * under their fields and the Excel import lists them per row before anything is written.
 */
export function planProblems(fields: PlanInput, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!planKindsByOwner[fields.ownerType].includes(fields.kind)) {
    problems.kind = `${planOwnerTypeLabels[fields.ownerType]}的预案类别应为${planKindsByOwner[fields.ownerType].join('、')}`;
  }
  if (fields.lastEvaluatedOn && fields.lastEvaluatedOn > today) problems.lastEvaluatedOn = `评估日期不能晚于今天（${today}）`;
  else if (fields.lastEvaluatedOn && fields.lastEvaluatedOn < fields.issuedOn) problems.lastEvaluatedOn = '最近评估日期不能早于现行版本的发布日期（评估的是现行版本）';
  return { ...problems, ...versionProblems(fields, today) };
}

/** Checks the plan's own fields against its owner; returns what to store of them. */
function checkedPlanColumns(ctx: HandlerContext, fields: PlanInput, selfId?: number) {
  assertOwnerLive(ctx, fields);
  throwProblems(planProblems(fields, localToday(ctx)));
  const same = ctx.appDb.sqlite
    .prepare(
      `SELECT id FROM emergency_plans WHERE deleted_at IS NULL AND owner_type = @ownerType AND name = @name AND id <> @selfId
        AND coalesce(enterprise_id, 0) = coalesce(@enterpriseId, 0) AND coalesce(village_id, 0) = coalesce(@villageId, 0) AND coalesce(department, '') = coalesce(@department, '')`,
    )
    .get({ ownerType: fields.ownerType, name: fields.name, selfId: selfId ?? 0, enterpriseId: fields.enterpriseId, villageId: fields.villageId, department: fields.department });
  if (same) throw conflict(`该单位已有名为「${fields.name}」的预案；修订请在原预案上“修订”，不要重复登记`, 'name');
  return {
    ownerType: fields.ownerType,
    enterpriseId: fields.enterpriseId,
    villageId: fields.villageId,
    department: fields.department,
    kind: fields.kind,
    name: fields.name,
    status: fields.status,
    // Only enterprises can be 人员密集场所经营单位; a stale tick from another owner type is dropped.
    crowdedPlace: fields.ownerType === 'enterprise' && fields.crowdedPlace ? 1 : 0,
    lastEvaluatedOn: fields.lastEvaluatedOn,
    notes: fields.notes,
  };
}

function versionColumns(fields: VersionInput) {
  return {
    version: fields.version,
    docNo: fields.docNo,
    issuedOn: fields.issuedOn,
    reviewKind: fields.reviewKind,
    reviewOn: fields.reviewOn,
    reviewExperts: fields.reviewExperts,
    reviewResult: fields.reviewResult,
    signatory: fields.signatory,
    filingDept: fields.filingDept,
    filingOn: fields.filingOn,
    filingNumber: fields.filingNumber,
  };
}

function userName(ctx: RequestContext): string {
  return ctx.user?.displayName ?? '系统';
}

function insertVersion(ctx: RequestContext, planId: number, fields: VersionInput, revision: { trigger: string; note: string | null } | null): number {
  const now = nowIso(ctx);
  const result = ctx.appDb.sqlite
    .prepare(
      `INSERT INTO plan_versions (plan_id, version, doc_no, issued_on, review_kind, review_on, review_experts, review_result, signatory, filing_dept, filing_on,
        filing_number, revision_trigger, revision_note, created_by, created_at, updated_at)
       VALUES (@planId, @version, @docNo, @issuedOn, @reviewKind, @reviewOn, @reviewExperts, @reviewResult, @signatory, @filingDept, @filingOn,
        @filingNumber, @trigger, @note, @createdBy, @now, @now)`,
    )
    .run({ planId, ...versionColumns(fields), trigger: revision?.trigger ?? null, note: revision?.note ?? null, createdBy: userName(ctx), now });
  return Number(result.lastInsertRowid);
}

/** What the audit trail records of a plan: its own fields and the current version's. */
function auditView(plan: Plan): Record<string, unknown> {
  const { current } = plan;
  return {
    ownerName: plan.ownerName,
    kind: plan.kind,
    name: plan.name,
    status: plan.status,
    crowdedPlace: plan.crowdedPlace,
    lastEvaluatedOn: plan.lastEvaluatedOn,
    notes: plan.notes,
    version: current.version,
    docNo: current.docNo,
    issuedOn: current.issuedOn,
    review: [current.reviewKind, current.reviewOn, current.reviewExperts ? `${current.reviewExperts}名专家` : null, current.reviewResult].filter(Boolean).join(' ') || null,
    signatory: current.signatory,
    filing: [current.filingDept, current.filingOn, current.filingNumber].filter(Boolean).join(' ') || null,
  };
}

export function createPlan(ctx: RequestContext, fields: PlanInput): Plan {
  const columns = checkedPlanColumns(ctx, fields);
  const now = nowIso(ctx);
  // The plan row needs its version's id and the version its plan's: insert with 0, then point at the version.
  const planId = Number(
    ctx.appDb.sqlite
      .prepare(
        `INSERT INTO emergency_plans (owner_type, enterprise_id, village_id, department, kind, name, status, crowded_place, current_version_id,
          last_evaluated_on, notes, created_by, created_at, updated_at)
         VALUES (@ownerType, @enterpriseId, @villageId, @department, @kind, @name, @status, @crowdedPlace, 0, @lastEvaluatedOn, @notes, @createdBy, @now, @now)`,
      )
      .run({ ...columns, createdBy: userName(ctx), now }).lastInsertRowid,
  );
  const versionId = insertVersion(ctx, planId, fields, null);
  ctx.appDb.sqlite.prepare('UPDATE emergency_plans SET current_version_id = ? WHERE id = ?').run(versionId, planId);
  const created = getPlan(ctx, planId);
  recordAudit(ctx, { action: 'create', entity: 'plan', entityId: planId, entityTitle: created.name, after: auditView(created) });
  return created;
}

export function updatePlan(ctx: RequestContext, input: Parsed<'plans.update'>): Plan {
  const { id, ...fields } = input;
  const before = getPlan(ctx, id);
  const columns = checkedPlanColumns(ctx, fields, id);
  const previous = before.versions[1];
  if (previous && fields.issuedOn <= previous.issuedOn) {
    throw invalid(`发布日期应晚于上一版本（${previous.version}，${previous.issuedOn}）`, 'issuedOn');
  }
  if (before.versions.some((version) => version.id !== before.versionId && version.version === fields.version)) {
    throw conflict(`版本号「${fields.version}」已被该预案的其他版本使用`, 'version');
  }
  const now = nowIso(ctx);
  ctx.appDb.sqlite
    .prepare(
      `UPDATE emergency_plans SET owner_type = @ownerType, enterprise_id = @enterpriseId, village_id = @villageId, department = @department, kind = @kind,
        name = @name, status = @status, crowded_place = @crowdedPlace, last_evaluated_on = @lastEvaluatedOn, notes = @notes, updated_at = @now WHERE id = @id`,
    )
    .run({ ...columns, now, id });
  ctx.appDb.sqlite
    .prepare(
      `UPDATE plan_versions SET version = @version, doc_no = @docNo, issued_on = @issuedOn, review_kind = @reviewKind, review_on = @reviewOn,
        review_experts = @reviewExperts, review_result = @reviewResult, signatory = @signatory, filing_dept = @filingDept, filing_on = @filingOn,
        filing_number = @filingNumber, updated_at = @now WHERE id = @versionId`,
    )
    .run({ ...versionColumns(fields), now, versionId: before.versionId });
  const after = getPlan(ctx, id);
  recordAudit(ctx, { action: 'update', entity: 'plan', entityId: id, entityTitle: after.name, before: auditView(before), after: auditView(after) });
  return after;
}

/** 修订: a new current version; the previous one stays as it was, and the plan is 现行 again. */
export function revisePlan(ctx: RequestContext, input: Parsed<'plans.revise'>): Plan {
  const { id, revisionTrigger, revisionNote, ...fields } = input;
  const before = getPlan(ctx, id);
  if (before.status === '已废止') throw conflict(`预案「${before.name}」已废止，不能修订；如需恢复请先将状态改为现行`);
  const problems = versionProblems(fields, localToday(ctx));
  if (!problems.issuedOn && fields.issuedOn <= before.issuedOn) problems.issuedOn = `修订版的发布日期应晚于现行版本（${before.version}，${before.issuedOn}）`;
  if (before.versions.some((version) => version.version === fields.version)) problems.version = `版本号「${fields.version}」已使用，请另取版本号`;
  throwProblems(problems);
  const versionId = insertVersion(ctx, id, fields, { trigger: revisionTrigger, note: revisionNote });
  ctx.appDb.sqlite.prepare("UPDATE emergency_plans SET current_version_id = ?, status = '现行', updated_at = ? WHERE id = ?").run(versionId, nowIso(ctx), id);
  const after = getPlan(ctx, id);
  recordAudit(ctx, {
    action: 'update',
    entity: 'plan',
    entityId: id,
    entityTitle: after.name,
    changes: [{ field: 'version', before: `${before.version}（${before.issuedOn}）`, after: `${after.version}（${after.issuedOn}）修订原因：${revisionTrigger}${revisionNote ? `；${revisionNote}` : ''}` }],
  });
  return after;
}

export function evaluatePlan(ctx: RequestContext, input: Parsed<'plans.evaluate'>): Plan {
  const before = getPlan(ctx, input.id);
  const today = localToday(ctx);
  if (input.evaluatedOn > today) throw invalid(`评估日期不能晚于今天（${today}）`, 'evaluatedOn');
  if (input.evaluatedOn < before.issuedOn) throw invalid(`评估日期不能早于现行版本的发布日期（${before.issuedOn}）`, 'evaluatedOn');
  if (before.lastEvaluatedOn && input.evaluatedOn < before.lastEvaluatedOn) throw invalid(`已有更晚的评估记录（${before.lastEvaluatedOn}）`, 'evaluatedOn');
  const status: PlanStatus = input.conclusion === '需要修订' ? '修订中' : before.status;
  ctx.appDb.sqlite
    .prepare('UPDATE emergency_plans SET last_evaluated_on = ?, evaluation_conclusion = ?, evaluation_note = ?, status = ?, updated_at = ? WHERE id = ?')
    .run(input.evaluatedOn, input.conclusion, input.note, status, nowIso(ctx), input.id);
  const after = getPlan(ctx, input.id);
  recordAudit(ctx, {
    action: 'update',
    entity: 'plan',
    entityId: input.id,
    entityTitle: after.name,
    changes: [{ field: 'evaluation', before: before.lastEvaluatedOn, after: `${input.evaluatedOn} ${input.conclusion}${input.note ? `：${input.note}` : ''}` }],
  });
  return after;
}

export function softDeletePlan(ctx: RequestContext, id: number): void {
  const plan = getPlan(ctx, id);
  assertNoLinks(ctx, planLinks, id, `预案「${plan.name}」`, '请先删除这些记录，或将预案状态改为“已废止”。');
  const now = nowIso(ctx);
  ctx.appDb.sqlite.prepare('UPDATE emergency_plans SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  recordAudit(ctx, { action: 'delete', entity: 'plan', entityId: id, entityTitle: plan.name, changes: [] });
}

export function planDepartments(ctx: HandlerContext): string[] {
  return ctx.appDb.sqlite
    .prepare(
      `SELECT department FROM (SELECT department FROM emergency_plans WHERE department IS NOT NULL AND deleted_at IS NULL
        UNION SELECT department FROM drills WHERE department IS NOT NULL AND deleted_at IS NULL) ORDER BY department`,
    )
    .pluck()
    .all() as string[];
}

/** Enterprises no longer operating drill and file nothing: their plans give no reminders. */
const inactiveEnterpriseStatuses = ['关闭', '注销'];

/** A plan gives no reminders once 已废止 or when its enterprise has closed. */
function remindsOf(row: DueFactsRow): boolean {
  return row.status !== '已废止' && !(row.enterpriseStatus && inactiveEnterpriseStatuses.includes(row.enterpriseStatus));
}

/** One plan's reminders within `days`, from its row and its due dates as computed for that window. */
function rowReminders(row: DueFactsRow, facts: DueFacts, due: PlanDue, today: string, days: number, townName: string): Reminder[] {
  return planReminders({ planId: row.id, planName: row.name, planKind: row.kind, ...ownerOut(row, townName) }, facts, due, today, days);
}

/** Overdue first, then by due date and plan. */
function sortReminders(items: Reminder[]): Reminder[] {
  const order = { overdue: 0, due: 1 };
  return items.sort((a, b) => order[a.state] - order[b.state] || a.dueOn.localeCompare(b.dueOn) || a.planId - b.planId);
}

/**
 * What is overdue or due within `days`: each live plan's filing, evaluation and drill (plans 已废止 and those of
 * closed enterprises left out), and the received filings the office has still to check (第二十八条).
 */
export function planRemindersList(ctx: HandlerContext, input: Parsed<'plans.reminders'>): { today: string; items: Reminder[] } {
  const today = localToday(ctx);
  const calendar = holidayCalendar(ctx);
  const townName = townNameOf(ctx);
  const { where, params } = planWhere({ ownerType: input.ownerType, enterpriseId: input.enterpriseId, villageId: input.villageId });
  const raw = ctx.appDb.sqlite.prepare(`${dueFactsSelect} WHERE ${where} AND p.status <> '已废止'`).all(params) as DueFactsRow[];
  const items: Reminder[] = [];
  for (const row of raw) {
    if (!remindsOf(row)) continue;
    const facts = dueFactsOf(row);
    items.push(...rowReminders(row, facts, planDueOf(facts, today, calendar, input.days), today, input.days, townName));
  }
  items.push(...filingCheckReminders(ctx, input, today, calendar, townName));
  return { today, items: sortReminders(items.filter((item) => !input.kind || item.kind === input.kind)) };
}

/**
 * The home page's plan figures in one pass over every plan (due dates are computed plan by plan, 1.5–2 s a pass at
 * 67,000 plans): `overdue` is the total of the register's 已逾期 filter (`plans.list` with due 'overdue', which the
 * card links to), and `reminders` what `plans.reminders` gives for the whole town within `days`.
 */
export function planAttention(ctx: HandlerContext, days: number): { overdue: number; reminders: Reminder[] } {
  const today = localToday(ctx);
  const calendar = holidayCalendar(ctx);
  const townName = townNameOf(ctx);
  const { where, params } = planWhere({});
  const raw = ctx.appDb.sqlite.prepare(`${dueFactsSelect} WHERE ${where}`).all(params) as DueFactsRow[];
  let overdue = 0;
  const reminders: Reminder[] = [];
  for (const row of raw) {
    const facts = dueFactsOf(row);
    // Whether a date is past does not depend on the window, so one computation serves the list and the reminders.
    const due = planDueOf(facts, today, calendar, days);
    if (isDue({ due }, 'overdue')) overdue += 1;
    if (remindsOf(row)) reminders.push(...rowReminders(row, facts, due, today, days, townName));
  }
  reminders.push(...filingCheckReminders(ctx, { days }, today, calendar, townName));
  return { overdue, reminders: sortReminders(reminders) };
}

function filingCheckReminders(
  ctx: HandlerContext,
  input: Pick<Parsed<'plans.reminders'>, 'days'> & Partial<Pick<Parsed<'plans.reminders'>, 'ownerType' | 'enterpriseId' | 'villageId'>>,
  today: string, calendar: HolidayCalendar, townName: string): Reminder[] {
  const { where, params } = planWhere({ ownerType: input.ownerType, enterpriseId: input.enterpriseId, villageId: input.villageId });
  const rows = ctx.appDb.sqlite
    .prepare(
      `SELECT f.id AS filingId, f.received_on AS receivedOn, p.id, p.name, p.kind, ${owner.columns}
       FROM plan_filings f JOIN emergency_plans p ON p.id = f.plan_id JOIN plan_versions v ON v.id = f.version_id ${owner.joins}
       WHERE f.deleted_at IS NULL AND f.status = '待核对' AND ${where}`,
    )
    .all(params) as (OwnerRow & { filingId: number; receivedOn: string; id: number; name: string; kind: PlanKind })[];
  const items: Reminder[] = [];
  for (const row of rows) {
    const deadline = filingCheckDeadlineOf(row.receivedOn, calendar);
    const state = dueStateOf(deadline.date, today, input.days);
    if (state === 'ok') continue;
    const days = daysUntil(today, deadline.date);
    items.push({
      kind: 'filingCheck',
      state,
      dueOn: deadline.date,
      daysLeft: days,
      approximate: deadline.approximate,
      planId: row.id,
      planName: row.name,
      planKind: row.kind,
      ...ownerOut(row, townName),
      filingId: row.filingId,
      detail: `第二十八条：${row.receivedOn} 收到备案材料，5 个工作日内核对，截止 ${deadline.date}，${days < 0 ? `已逾期 ${-days} 天（逾期不予备案又不说明理由的，视为已经备案）` : days === 0 ? '今天到期' : `还有 ${days} 天`}`,
    });
  }
  return items;
}

