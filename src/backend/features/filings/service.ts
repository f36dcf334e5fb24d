import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Parsed } from '../../../shared/api';
import type { Filing, FilingBoard, FilingFilters, FilingRow, FilingStatusChange } from '../../../shared/api/filings';
import type { EnterpriseStatus, Industry } from '../../../shared/domain/enterprise';
import { addDays, dayKindOf, type HolidayCalendar } from '../../../shared/domain/holidays';
import {
  approvedStatuses,
  deletableStatuses,
  editableStatuses,
  filingActionLabels,
  filingFlagsAt,
  hotWorkKinds,
  isHotWork,
  minutesOf,
  nextFilingStatus,
  type FilingAction,
  type FilingStatus,
  type SpecialWorkKind,
} from '../../../shared/domain/specialWork';
import { checkFiling, type FilingCheck, type FilingFinding } from '../../../shared/domain/specialWorkRules';
import { AppError, conflict, invalid, notFound } from '../../api/errors';
import { localNow, localToday, nowIso, type HandlerContext, type RequestContext } from '../../api/context';
import { ErrorCode } from '../../../shared/api/errors';
import { contains } from '../../db/like';
import { enterprises, filings, filingStatusChanges, filingTanks, idleSites, tanks, villages } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { holidayCalendar } from '../holidays/service';
import { nextNumber } from '../sequences/service';

/** Filings that are not over: they can still clash with another hot work or be on the board. */
const closedStatuses: FilingStatus[] = ['驳回', '撤销'];
const unapprovedStatuses: FilingStatus[] = ['待审核', '待现场核查'];


const rowColumns = {
  id: filings.id,
  number: filings.number,
  enterpriseId: filings.enterpriseId,
  enterpriseName: enterprises.name,
  villageId: villages.id,
  villageName: villages.name,
  kind: filings.kind,
  grade: filings.grade,
  place: filings.place,
  content: filings.content,
  plannedStart: filings.plannedStart,
  plannedEnd: filings.plannedEnd,
  contractor: filings.contractor,
  leaderName: filings.leaderName,
  guardianName: filings.guardianName,
  status: filings.status,
  siteCheckOn: filings.siteCheckOn,
  actualStart: filings.actualStart,
  actualEnd: filings.actualEnd,
  warnings: filings.warnings,
  createdAt: filings.createdAt,
  updatedAt: filings.updatedAt,
};

const sortColumns = {
  plannedStart: filings.plannedStart,
  number: filings.number,
  enterpriseName: enterprises.name,
  status: filings.status,
  updatedAt: filings.updatedAt,
} as const;

type RawRow = { [K in keyof typeof rowColumns]: unknown } & { status: string; plannedStart: string; plannedEnd: string; warnings: string };

function toRow(raw: RawRow, now: string): FilingRow {
  const { warnings, ...row } = raw;
  return { ...(row as Omit<FilingRow, 'warningCount' | 'flags'>), warningCount: (JSON.parse(warnings) as unknown[]).length, flags: filingFlagsAt(raw, now) };
}

function selectRows(ctx: HandlerContext) {
  return ctx.appDb.db
    .select(rowColumns)
    .from(filings)
    .innerJoin(enterprises, eq(enterprises.id, filings.enterpriseId))
    .innerJoin(villages, eq(villages.id, enterprises.villageId));
}

/**
 * Filings whose window [start, end) overlaps [from, to). Windows are short, so few end after `from`: telling
 * SQLite so makes the planned_end index drive the search (it otherwise walks planned_start over the whole year
 * to save a sort; 30 ms instead of 2 ms at 50,000 filings).
 */
function windowTouches(from: string, to: string): SQL {
  return and(lt(filings.plannedStart, to), sql`likelihood(${filings.plannedEnd} > ${from}, 0.01)`)!;
}

/** WHERE for the list's filters at `now` (the flagged filter depends on it). */
export function filingWhere(filters: FilingFilters, now: string): SQL {
  const conditions: SQL[] = [isNull(filings.deletedAt)];
  if (filters.kind) conditions.push(eq(filings.kind, filters.kind));
  if (filters.status) conditions.push(eq(filings.status, filters.status));
  if (filters.enterpriseId) conditions.push(eq(filings.enterpriseId, filters.enterpriseId));
  // Enterprise conditions as subqueries, so counting needs no join with every filing's enterprise.
  if (filters.villageId) conditions.push(sql`${filings.enterpriseId} IN (SELECT id FROM enterprises WHERE village_id = ${filters.villageId})`);
  if (filters.tankId) conditions.push(sql`${filings.id} IN (SELECT filing_id FROM filing_tanks WHERE tank_id = ${filters.tankId})`);
  if (filters.from) conditions.push(sql`likelihood(${filings.plannedEnd} > ${`${filters.from} 00:00`}, 0.05)`);
  if (filters.to) conditions.push(lt(filings.plannedStart, `${addDays(filters.to, 1)} 00:00`));
  if (filters.flagged) {
    conditions.push(
      or(
        and(inArray(filings.status, unapprovedStatuses), lte(filings.plannedStart, now), gt(filings.plannedEnd, now)),
        and(inArray(filings.status, [...approvedStatuses]), lte(filings.plannedEnd, now)),
      )!,
    );
  }
  if (filters.q) {
    conditions.push(
      or(
        contains(filings.number, filters.q),
        sql`${filings.enterpriseId} IN (SELECT id FROM enterprises WHERE ${contains(enterprises.name, filters.q)})`,
        contains(filings.place, filters.q),
        contains(filings.content, filters.q),
        contains(filings.contractor, filters.q),
        contains(filings.leaderName, filters.q),
      )!,
    );
  }
  return and(...conditions)!;
}

type FilingSort = { sortField?: keyof typeof sortColumns; sortOrder?: 'ascend' | 'descend' };

function orderOf(sort: FilingSort) {
  const direction = sort.sortOrder === 'ascend' ? asc : desc;
  if (sort.sortField === 'number') {
    // 2026-9999 before 2026-10000: by year, then by the length of the sequence part, then as text.
    return [direction(sql`substr(${filings.number}, 1, 4)`), direction(sql`length(${filings.number})`), direction(filings.number), direction(filings.id)] as const;
  }
  return [direction(sortColumns[sort.sortField ?? 'plannedStart']), direction(filings.id)] as const;
}

export function listFilings(ctx: HandlerContext, input: Parsed<'filings.list'>) {
  const now = localNow(ctx);
  const where = filingWhere(input, now);
  const items = selectRows(ctx)
    .where(where)
    .orderBy(...orderOf(input))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map((raw) => toRow(raw as RawRow, now));
  const total = ctx.appDb.db.select({ count: sql<number>`count(*)` }).from(filings).where(where).get()?.count ?? 0;
  return { items, total };
}

/** Every filing under the list's filters, in the list's order: what the printed 登记台账 holds. */
export function allFilings(ctx: HandlerContext, filters: FilingFilters, sort: FilingSort = {}): FilingRow[] {
  const now = localNow(ctx);
  return selectRows(ctx)
    .where(filingWhere(filters, now))
    .orderBy(...orderOf(sort))
    .all()
    .map((raw) => toRow(raw as RawRow, now));
}

export function getFiling(ctx: HandlerContext, id: number): Filing {
  const row = ctx.appDb.db
    .select({ filing: filings, enterpriseName: enterprises.name, industry: enterprises.industry, villageId: villages.id, villageName: villages.name })
    .from(filings)
    .innerJoin(enterprises, eq(enterprises.id, filings.enterpriseId))
    .innerJoin(villages, eq(villages.id, enterprises.villageId))
    .where(and(eq(filings.id, id), isNull(filings.deletedAt)))
    .get();
  if (!row) throw notFound('该报备');
  const { deletedAt: _deleted, workers, documents, warnings, ...filing } = row.filing;
  const linkedTanks = ctx.appDb.db
    .select({ id: tanks.id, code: tanks.code, status: tanks.status, ownerName: sql<string>`coalesce(${enterprises.name}, ${idleSites.name})` })
    .from(filingTanks)
    .innerJoin(tanks, eq(tanks.id, filingTanks.tankId))
    .leftJoin(enterprises, eq(enterprises.id, tanks.enterpriseId))
    .leftJoin(idleSites, eq(idleSites.id, tanks.idleSiteId))
    .where(eq(filingTanks.filingId, id))
    .orderBy(asc(tanks.code))
    .all();
  return {
    ...(filing as unknown as Omit<Filing, 'workers' | 'documents' | 'warnings' | 'tanks' | 'enterpriseName' | 'industry' | 'villageId' | 'villageName'>),
    enterpriseName: row.enterpriseName,
    industry: row.industry as Industry,
    villageId: row.villageId,
    villageName: row.villageName,
    workers: JSON.parse(workers) as Filing['workers'],
    documents: JSON.parse(documents) as Filing['documents'],
    warnings: JSON.parse(warnings) as Filing['warnings'],
    tanks: linkedTanks,
  };
}

type Fields = Parsed<'filings.create'>;

/** Gathers what the rules need and runs them. Throws for a missing enterprise or tanks that are not the enterprise's. */
export function checkFields(ctx: HandlerContext, fields: Fields, selfId?: number): FilingCheck {
  const { db } = ctx.appDb;
  const enterprise = db
    .select({ name: enterprises.name, industry: enterprises.industry, status: enterprises.status })
    .from(enterprises)
    .where(and(eq(enterprises.id, fields.enterpriseId), isNull(enterprises.deletedAt)))
    .get();
  if (!enterprise) throw invalid('所选企业不存在或已被删除', 'enterpriseId');

  const linked = fields.tankIds.length
    ? db
        .select({ id: tanks.id, code: tanks.code, status: tanks.status, enterpriseId: tanks.enterpriseId })
        .from(tanks)
        .where(and(inArray(tanks.id, fields.tankIds), isNull(tanks.deletedAt)))
        .all()
    : [];
  if (linked.length !== new Set(fields.tankIds).size) throw invalid('所选储罐不存在或已被删除', 'tankIds');
  const foreign = linked.filter((tank) => tank.enterpriseId !== fields.enterpriseId);
  if (foreign.length) throw invalid(`储罐 ${foreign.map((tank) => tank.code).join('、')} 不属于该企业`, 'tankIds');

  const windowValid = minutesOf(fields.plannedEnd) > minutesOf(fields.plannedStart);
  const overlapping =
    isHotWork(fields.kind) && windowValid
      ? db
          .select({ number: filings.number, plannedStart: filings.plannedStart, plannedEnd: filings.plannedEnd })
          .from(filings)
          .where(
            and(
              isNull(filings.deletedAt),
              eq(filings.enterpriseId, fields.enterpriseId),
              inArray(filings.kind, [...hotWorkKinds]),
              notInArray(filings.status, [...closedStatuses, '已完工']),
              windowTouches(fields.plannedStart, fields.plannedEnd),
              selfId === undefined ? undefined : ne(filings.id, selfId),
            ),
          )
          .orderBy(asc(filings.plannedStart))
          .limit(5)
          .all()
      : [];

  return checkFiling(
    { ...fields, documents: fields.documents },
    {
      enterprise: { name: enterprise.name, industry: enterprise.industry as Industry, status: enterprise.status as EnterpriseStatus },
      overlappingHotWorks: overlapping,
      tanks: linked,
      calendar: holidayCalendar(ctx),
    },
  );
}

/** One field error per field (the first), the message naming every error. */
function rulesFailed(errors: FilingFinding[]): AppError {
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) if (error.field && !fieldErrors[error.field]) fieldErrors[error.field] = error.message;
  return new AppError(ErrorCode.InvalidInput, errors.map((error) => error.message).join('；'), fieldErrors);
}

/** Errors block; warnings pass only with a reason. Returns the warnings to store with the filing. */
function assertPasses(check: FilingCheck, warningReason: string | null, reasonField = 'warningReason'): FilingFinding[] {
  if (check.errors.length) throw rulesFailed(check.errors);
  if (check.warnings.length && !warningReason) {
    throw invalid(`有 ${check.warnings.length} 条提醒：${check.warnings.map((warning) => warning.message).join('；')}。请填写继续的理由`, reasonField);
  }
  return check.warnings;
}

/** The columns a save writes from the form, with the grade as the rules determined it. */
function storedFields(fields: Fields, check: FilingCheck, warnings: FilingFinding[]) {
  const { tankIds: _tankIds, workers, documents, ...rest } = fields;
  return {
    ...rest,
    grade: check.grade,
    heightM: fields.kind === '高处' ? fields.heightM : null,
    heightClass: fields.kind === '高处' ? (fields.heightClass ?? 'A') : null,
    loadT: fields.kind === '吊装' ? fields.loadT : null,
    workers: JSON.stringify(workers),
    documents: JSON.stringify(documents),
    warnings: JSON.stringify(warnings),
    warningReason: warnings.length ? fields.warningReason : null,
  };
}

function writeTanks(ctx: HandlerContext, filingId: number, tankIds: number[]): void {
  ctx.appDb.db.delete(filingTanks).where(eq(filingTanks.filingId, filingId)).run();
  const unique = [...new Set(tankIds)];
  if (unique.length) ctx.appDb.db.insert(filingTanks).values(unique.map((tankId) => ({ filingId, tankId }))).run();
}

function userName(ctx: RequestContext): string {
  return ctx.user?.displayName ?? '系统';
}

function recordStep(ctx: RequestContext, filingId: number, action: FilingAction | 'create' | 'update', from: FilingStatus | null, to: FilingStatus, remark: string | null): void {
  ctx.appDb.db
    .insert(filingStatusChanges)
    .values({ filingId, action, fromStatus: from, toStatus: to, remark, createdAt: nowIso(ctx), createdBy: userName(ctx) })
    .run();
}

/** What the audit trail records of a filing: its own fields. */
function auditView(filing: Filing): Record<string, unknown> {
  const { tanks: linked, workers, warnings: _warnings, ...own } = filing;
  return {
    ...own,
    tanks: linked.map((tank) => tank.code).join('、'),
    workers: workers.map((worker) => (worker.certificateNo ? `${worker.name}（${worker.certificateNo}）` : worker.name)).join('、'),
    documents: filing.documents.join('、'),
  };
}

export function createFiling(ctx: RequestContext, fields: Fields): Filing {
  const check = checkFields(ctx, fields);
  const warnings = assertPasses(check, fields.warningReason);
  const now = nowIso(ctx);
  const year = Number(localToday(ctx).slice(0, 4));
  const number = `${year}-${String(nextNumber(ctx, 'filing', year)).padStart(4, '0')}`;
  const inserted = ctx.appDb.db
    .insert(filings)
    .values({ ...storedFields(fields, check, warnings), number, status: '待审核', createdBy: userName(ctx), createdAt: now, updatedAt: now })
    .returning({ id: filings.id })
    .get();
  writeTanks(ctx, inserted.id, fields.tankIds);
  recordStep(ctx, inserted.id, 'create', null, '待审核', warnings.length ? `提醒 ${warnings.length} 条，理由：${fields.warningReason}` : null);
  const created = getFiling(ctx, inserted.id);
  recordAudit(ctx, { action: 'create', entity: 'filing', entityId: created.id, entityTitle: created.number, after: auditView(created) });
  return created;
}

export function updateFiling(ctx: RequestContext, input: Parsed<'filings.update'>): Filing {
  const { id, ...fields } = input;
  const before = getFiling(ctx, id);
  if (!editableStatuses.includes(before.status)) {
    throw conflict(`报备 ${before.number} 已${before.status}，不能再修改；如需变更请撤销后重新报备`);
  }
  const check = checkFields(ctx, fields, id);
  const warnings = assertPasses(check, fields.warningReason);
  // A filing changed after its review passed is reviewed again: what was checked is no longer what is filed.
  const reReview = before.status === '待现场核查';
  ctx.appDb.db
    .update(filings)
    .set({ ...storedFields(fields, check, warnings), ...(reReview ? { status: '待审核' } : {}), updatedAt: nowIso(ctx) })
    .where(eq(filings.id, id))
    .run();
  writeTanks(ctx, id, fields.tankIds);
  if (reReview) recordStep(ctx, id, 'update', before.status, '待审核', '审核通过后修改了报备内容，退回重新审核');
  const after = getFiling(ctx, id);
  recordAudit(ctx, { action: 'update', entity: 'filing', entityId: id, entityTitle: after.number, before: auditView(before), after: auditView(after) });
  return after;
}

export function softDeleteFiling(ctx: RequestContext, id: number): void {
  const filing = getFiling(ctx, id);
  if (!deletableStatuses.includes(filing.status)) {
    throw conflict(`报备 ${filing.number} 处于「${filing.status}」，不能删除（已批准的作业须保留记录）；可先撤销`);
  }
  const now = nowIso(ctx);
  ctx.appDb.db.update(filings).set({ deletedAt: now, updatedAt: now }).where(eq(filings.id, id)).run();
  recordAudit(ctx, { action: 'delete', entity: 'filing', entityId: id, entityTitle: filing.number, changes: [] });
}

/** The facts of a stored filing in the shape the rules read. */
function fieldsOf(filing: Filing): Fields {
  return {
    ...filing,
    heightClass: filing.heightClass,
    tankIds: filing.tanks.map((tank) => tank.id),
    grade: filing.grade as Fields['grade'],
  } as Fields;
}

function requireRemark(remark: string | null, label: string): string {
  if (!remark) throw invalid(`请填写${label}`, 'remark');
  return remark;
}

/**
 * Moves a filing one step along its workflow. Dispatch runs it in one transaction: the status, the step's
 * own fields, the history row and the audit row are written together or not at all.
 */
export function transitionFiling(ctx: RequestContext, input: Parsed<'filings.transition'>): Filing {
  const before = getFiling(ctx, input.id);
  const action = input.action;
  const label = filingActionLabels[action];
  const passed = action === 'siteCheck' ? input.siteCheckPassed : true;
  if (action === 'siteCheck' && passed === undefined) throw invalid('请选择核查结果', 'siteCheckPassed');
  const to = nextFilingStatus(before.status, action, passed);
  if (to === null) throw conflict(`报备 ${before.number} 当前为「${before.status}」，不能执行「${label}」`);

  const now = localNow(ctx);
  const set: Partial<typeof filings.$inferInsert> = { status: to, updatedAt: nowIso(ctx) };
  let remark = input.remark;
  switch (action) {
    case 'passReview':
    case 'siteCheck': {
      // Approval re-checks the rules: the enterprise may have closed or another hot work been approved since.
      // A failed site check (to 驳回) is recorded whatever the rules say now, as its warnings are.
      const check = checkFields(ctx, fieldsOf(before), before.id);
      if (check.errors.length && to !== '驳回') throw rulesFailed(check.errors);
      const known = new Set(before.warnings.map((warning) => warning.message));
      const fresh = check.warnings.filter((warning) => !known.has(warning.message));
      if (fresh.length && to !== '驳回') {
        assertPasses({ ...check, warnings: fresh }, input.warningReason);
        set.warnings = JSON.stringify(check.warnings);
        set.warningReason = [before.warningReason, input.warningReason].filter(Boolean).join('；');
        remark = [remark, `新提醒理由：${input.warningReason}`].filter(Boolean).join('；');
      }
      if (action === 'siteCheck') {
        if (!input.siteCheckOn) throw invalid('请填写核查日期', 'siteCheckOn');
        if (input.siteCheckOn > localToday(ctx)) throw invalid(`核查日期不能晚于今天（${localToday(ctx)}）`, 'siteCheckOn');
        if (!input.siteCheckInspectors) throw invalid('请填写核查人员', 'siteCheckInspectors');
        set.siteCheckOn = input.siteCheckOn;
        set.siteCheckInspectors = input.siteCheckInspectors;
        set.siteCheckPassed = passed;
        set.siteCheckRemark = input.remark;
        if (!passed) set.closingReason = `现场核查不合格：${requireRemark(input.remark, '不合格的情况')}`;
      }
      break;
    }
    case 'start': {
      const at = input.at ?? now;
      if (at > now) throw invalid('开始时间不能晚于现在', 'at');
      if (at < before.plannedStart) throw invalid(`未到计划开始时间（${before.plannedStart}），不能开始作业`, 'at');
      if (at >= before.plannedEnd) throw invalid(`已过计划结束时间（${before.plannedEnd}），不能再开始作业；请重新报备`, 'at');
      set.actualStart = at;
      break;
    }
    case 'complete': {
      const at = input.at ?? now;
      if (at > now) throw invalid('完工时间不能晚于现在', 'at');
      if (before.actualStart && at < before.actualStart) throw invalid(`完工时间不能早于开始时间（${before.actualStart}）`, 'at');
      set.actualEnd = at;
      set.completionRemark = requireRemark(input.remark, '完工复查意见');
      break;
    }
    case 'reject':
      set.closingReason = requireRemark(input.remark, '驳回理由');
      break;
    case 'withdraw':
      set.closingReason = requireRemark(input.remark, '撤销原因');
      break;
    case 'markOverdue':
      if (before.plannedEnd > now) throw conflict(`计划结束时间（${before.plannedEnd}）未到，不能标记为逾期未完工`);
      break;
  }

  ctx.appDb.db.update(filings).set(set).where(eq(filings.id, before.id)).run();
  recordStep(ctx, before.id, action, before.status, to, remark);
  const after = getFiling(ctx, before.id);
  recordAudit(ctx, {
    action: 'update',
    entity: 'filing',
    entityId: after.id,
    entityTitle: after.number,
    changes: [{ field: 'status', before: before.status, after: `${to}（${label}${remark ? `：${remark}` : ''}）` }],
  });
  return after;
}

export function filingHistory(ctx: HandlerContext, id: number): FilingStatusChange[] {
  getFiling(ctx, id);
  return ctx.appDb.db
    .select({
      id: filingStatusChanges.id,
      action: filingStatusChanges.action,
      fromStatus: filingStatusChanges.fromStatus,
      toStatus: filingStatusChanges.toStatus,
      remark: filingStatusChanges.remark,
      createdAt: filingStatusChanges.createdAt,
      createdBy: filingStatusChanges.createdBy,
    })
    .from(filingStatusChanges)
    .where(eq(filingStatusChanges.filingId, id))
    .orderBy(asc(filingStatusChanges.id))
    .all() as FilingStatusChange[];
}

function countBy(rows: FilingRow[], key: 'status' | 'kind'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row[key]] = (counts[row[key]] ?? 0) + 1;
  return counts;
}

function dayNote(date: string, calendar: HolidayCalendar): string | null {
  const day = dayKindOf(date, calendar);
  return day.kind === 'holiday' ? day.name : day.kind === 'restDay' ? '休息日' : null;
}

/**
 * 今日作业: the works whose window touches `date` or the day after (rejected and withdrawn ones left out), and,
 * whatever their day, approved works past their window and works started without approval.
 */
export function filingBoard(ctx: HandlerContext, input: Parsed<'filings.board'>): FilingBoard {
  const now = localNow(ctx);
  const date = input.date ?? now.slice(0, 10);
  const tomorrow = addDays(date, 1);
  const dayAfter = addDays(date, 2);
  const live = isNull(filings.deletedAt);
  const rows = selectRows(ctx)
    .where(and(live, windowTouches(`${date} 00:00`, `${dayAfter} 00:00`), notInArray(filings.status, closedStatuses)))
    .orderBy(asc(filings.plannedStart), asc(filings.id))
    .all()
    .map((raw) => toRow(raw as RawRow, now));
  const calendar = holidayCalendar(ctx);
  const day = (value: string, next: string) => {
    const items = rows.filter((row) => row.plannedStart < `${next} 00:00` && row.plannedEnd > `${value} 00:00`);
    return { date: value, dayNote: dayNote(value, calendar), items, byStatus: countBy(items, 'status'), byKind: countBy(items, 'kind') };
  };
  const flagged = (where: SQL) =>
    selectRows(ctx)
      .where(and(live, where))
      .orderBy(asc(filings.plannedEnd), asc(filings.id))
      .limit(200)
      .all()
      .map((raw) => toRow(raw as RawRow, now));
  return {
    now,
    today: day(date, tomorrow),
    tomorrow: day(tomorrow, dayAfter),
    pastWindow: flagged(and(inArray(filings.status, [...approvedStatuses]), lte(filings.plannedEnd, now))!),
    unapprovedStarted: flagged(and(inArray(filings.status, unapprovedStatuses), lte(filings.plannedStart, now), gt(filings.plannedEnd, now))!),
  };
}

export function filingCalendar(ctx: HandlerContext, input: Parsed<'filings.calendar'>): FilingRow[] {
  if (input.to < input.from) throw invalid('结束日期不能早于开始日期', 'to');
  // [from, to] counts both ends: 62 days end 61 days after `from`.
  if (addDays(input.from, 61) < input.to) throw invalid('日历一次最多查看 62 天', 'to');
  const now = localNow(ctx);
  const conditions: SQL[] = [isNull(filings.deletedAt), windowTouches(`${input.from} 00:00`, `${addDays(input.to, 1)} 00:00`)];
  if (input.kind) conditions.push(eq(filings.kind, input.kind as SpecialWorkKind));
  if (input.villageId) conditions.push(eq(enterprises.villageId, input.villageId));
  return selectRows(ctx)
    .where(and(...conditions))
    .orderBy(asc(filings.plannedStart), asc(filings.id))
    .limit(10_000)
    .all()
    .map((raw) => toRow(raw as RawRow, now));
}
