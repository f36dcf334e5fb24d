import { eq } from 'drizzle-orm';
import type { DrillFilters } from '../../../shared/api/drills';
import type { EnterpriseFilters } from '../../../shared/api/enterprises';
import type { FilingFilters } from '../../../shared/api/filings';
import type { GridWorkerFilters } from '../../../shared/api/gridWorkers';
import type { HazardFilters, InspectionFilters, OrderFilters } from '../../../shared/api/hazards';
import type { IdleSiteFilters } from '../../../shared/api/idleSites';
import type { PlanFilingFilters, PlanFilters, PlanRow } from '../../../shared/api/plans';
import type { TankFilters } from '../../../shared/api/tanks';
import type { FilingSheet, LedgerData, MajorHazardNotice, OrderSheet, ledgerRequestSchema } from '../../../shared/api/ledgers';
import { planOwnerTypeLabels, planOwnerTypes } from '../../../shared/domain/emergencyPlan';
import { riskLevelLabels } from '../../../shared/domain/enterprise';
import { filingActionLabels, hotWorkGradeUp, hotWorkGrades, requiredDocumentsOf, type FilingAction, type SpecialWorkGrade } from '../../../shared/domain/specialWork';
import { defaultColumnKeys, governancePlanSummary, ledgerDefinitions, type LedgerColumn, type LedgerDefinition, type LedgerId } from '../../../shared/ledgers/definitions';
import type { z } from 'zod';
import { localToday, type HandlerContext } from '../../api/context';
import { invalid } from '../../api/errors';
import { emergencyPlans, enterprises, gridWorkers, idleSites, tanks, villages } from '../../db/schema';
import { allDrills } from '../drills/service';
import { allEnterprises } from '../enterprises/service';
import { allFilings, filingHistory, getFiling } from '../filings/service';
import { allGridWorkers } from '../gridWorkers/service';
import { allInspections } from '../hazards/inspections';
import { allOrders, getOrder } from '../hazards/orders';
import { allHazards } from '../hazards/service';
import { allIdleSites } from '../idleSites/service';
import { allPlanFilings } from '../plans/filingDesk';
import { allPlans } from '../plans/service';
import { allTanks } from '../tanks/service';
import { getOfficeSettings } from '../settings/service';
import { allVillages } from '../villages/service';

export type LedgerRequest = z.output<typeof ledgerRequestSchema>;

/** 2026年3月15日, in the office's own (local) calendar. */
export function chineseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** A calendar day `YYYY-MM-DD` as the documents write it: 2026年6月30日. */
export function chineseDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

function nameOf(ctx: HandlerContext, table: typeof villages | typeof gridWorkers | typeof enterprises | typeof idleSites | typeof emergencyPlans, id: number): string {
  return ctx.appDb.db.select({ name: table.name }).from(table).where(eq(table.id, id)).get()?.name ?? `#${id}`;
}

function tankCodeOf(ctx: HandlerContext, id: number): string {
  return ctx.appDb.db.select({ code: tanks.code }).from(tanks).where(eq(tanks.id, id)).get()?.code ?? `#${id}`;
}

/** The filter line under the title, so a printed page says which part of the register it shows. */
function enterpriseFilterSummary(ctx: HandlerContext, filters: EnterpriseFilters): string[] {
  const parts: string[] = [];
  if (filters.villageId) parts.push(`所属村/社区：${nameOf(ctx, villages, filters.villageId)}`);
  if (filters.industry) parts.push(`行业领域：${filters.industry}`);
  if (filters.riskLevel) parts.push(`风险等级：${riskLevelLabels[filters.riskLevel]}`);
  if (filters.status) parts.push(`经营状态：${filters.status}`);
  if (filters.standardization) parts.push(`标准化等级：${filters.standardization}`);
  if (filters.keySupervised !== undefined) parts.push(filters.keySupervised ? '重点监管企业' : '非重点监管企业');
  if (filters.majorHazard !== undefined) parts.push(filters.majorHazard ? '有重大危险源' : '无重大危险源');
  if (filters.gridWorkerId) parts.push(`网格员：${nameOf(ctx, gridWorkers, filters.gridWorkerId)}`);
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

function villageFilterSummary(filters: { q?: string; kind?: string }): string[] {
  const parts: string[] = [];
  if (filters.kind) parts.push(`类型：${filters.kind}`);
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

function gridWorkerFilterSummary(ctx: HandlerContext, filters: GridWorkerFilters): string[] {
  const parts: string[] = [];
  if (filters.villageId) parts.push(`负责村/社区：${nameOf(ctx, villages, filters.villageId)}`);
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

function tankFilterSummary(ctx: HandlerContext, filters: TankFilters): string[] {
  const parts: string[] = [];
  if (filters.category) parts.push(`类别：${filters.category}`);
  if (filters.villageId) parts.push(`所属村/社区：${nameOf(ctx, villages, filters.villageId)}`);
  if (filters.enterpriseId) parts.push(`所属企业：${nameOf(ctx, enterprises, filters.enterpriseId)}`);
  if (filters.idleSiteId) parts.push(`所属四闲场所：${nameOf(ctx, idleSites, filters.idleSiteId)}`);
  if (filters.status) parts.push(`状态：${filters.status}`);
  if (filters.publicLabel !== undefined) parts.push(filters.publicLabel ? '已公开标识' : '未公开标识');
  if (filters.hasResponsible !== undefined) parts.push(filters.hasResponsible ? '有专人盯靠' : '无专人盯靠');
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

function idleSiteFilterSummary(ctx: HandlerContext, filters: IdleSiteFilters): string[] {
  const parts: string[] = [];
  if (filters.villageId) parts.push(`所属村/社区：${nameOf(ctx, villages, filters.villageId)}`);
  if (filters.kind) parts.push(`类型：${filters.kind}`);
  if (filters.finding) parts.push(`排查发现：${filters.finding}`);
  if (filters.disposal) parts.push(`处置措施：${filters.disposal}`);
  if (filters.foundFrom || filters.foundTo) parts.push(`排查日期：${filters.foundFrom ?? '…'} 至 ${filters.foundTo ?? '…'}`);
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

/** 作业类别：动火；日期：2026-11-01 至 2026-11-30 — the register's filters as its printed page names them. */
export function filingFilterSummary(ctx: HandlerContext, filters: FilingFilters): string[] {
  const parts: string[] = [];
  if (filters.kind) parts.push(`作业类别：${filters.kind}`);
  if (filters.status) parts.push(`状态：${filters.status}`);
  if (filters.enterpriseId) parts.push(`企业：${nameOf(ctx, enterprises, filters.enterpriseId)}`);
  if (filters.villageId) parts.push(`所在村/社区：${nameOf(ctx, villages, filters.villageId)}`);
  if (filters.tankId) parts.push(`涉及储罐：${tankCodeOf(ctx, filters.tankId)}`);
  if (filters.from || filters.to) parts.push(`日期：${filters.from ?? '…'} 至 ${filters.to ?? '…'}`);
  if (filters.flagged) parts.push('仅未批先干、逾期未关闭的作业');
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

const dueFilterLabels: Record<NonNullable<PlanFilters['due']>, string> = { overdue: '已逾期', due: '即将到期或逾期' };

/** 所属单位类型：企业；类别：综合预案；到期情况：已逾期 — the plan register's filters as its printed page names them. */
export function planFilterSummary(ctx: HandlerContext, filters: PlanFilters): string[] {
  const parts: string[] = [];
  if (filters.ownerType) parts.push(`所属单位类型：${planOwnerTypeLabels[filters.ownerType]}`);
  if (filters.kind) parts.push(`类别：${filters.kind}`);
  if (filters.villageId) parts.push(`所属村/社区：${nameOf(ctx, villages, filters.villageId)}`);
  if (filters.enterpriseId) parts.push(`企业：${nameOf(ctx, enterprises, filters.enterpriseId)}`);
  if (filters.status) parts.push(`状态：${filters.status}`);
  if (filters.due) parts.push(`到期情况：${dueFilterLabels[filters.due]}`);
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

/** 结果：待核对；收到日期：2026-10-01 至 2026-10-31 — the 备案登记表's filters. */
export function planFilingFilterSummary(ctx: HandlerContext, filters: PlanFilingFilters): string[] {
  const parts: string[] = [];
  if (filters.status) parts.push(`结果：${filters.status}`);
  if (filters.planId) parts.push(`预案：${nameOf(ctx, emergencyPlans, filters.planId)}`);
  if (filters.enterpriseId) parts.push(`企业：${nameOf(ctx, enterprises, filters.enterpriseId)}`);
  if (filters.from || filters.to) parts.push(`收到日期：${filters.from ?? '…'} 至 ${filters.to ?? '…'}`);
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

/** 日期：2026-01-01 至 2026-12-31；形式：实战演练；仅消防参与 — the drill register's filters. */
export function drillFilterSummary(ctx: HandlerContext, filters: DrillFilters): string[] {
  const parts: string[] = [];
  if (filters.ownerType) parts.push(`所属单位类型：${planOwnerTypeLabels[filters.ownerType]}`);
  if (filters.villageId) parts.push(`所属村/社区：${nameOf(ctx, villages, filters.villageId)}`);
  if (filters.enterpriseId) parts.push(`企业：${nameOf(ctx, enterprises, filters.enterpriseId)}`);
  if (filters.planId) parts.push(`演练预案：${nameOf(ctx, emergencyPlans, filters.planId)}`);
  if (filters.from || filters.to) parts.push(`日期：${filters.from ?? '…'} 至 ${filters.to ?? '…'}`);
  if (filters.scope) parts.push(`类型：${filters.scope}`);
  if (filters.form) parts.push(`形式：${filters.form}`);
  if (filters.fireBrigade !== undefined) parts.push(filters.fireBrigade ? '仅消防参与' : '仅无消防参与');
  if (filters.unevaluated) parts.push('仅未评估');
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

/** The inspection a hazard filter names: its unit and day (检查：东山精细化工有限公司 2026-06-10). */
function inspectionLabel(ctx: HandlerContext, id: number): string {
  const row = ctx.appDb.sqlite
    .prepare(
      `SELECT coalesce(e.name, s.name) AS name, i.inspected_on AS inspectedOn FROM inspections i
       LEFT JOIN enterprises e ON e.id = i.enterprise_id LEFT JOIN idle_sites s ON s.id = i.idle_site_id WHERE i.id = ?`,
    )
    .get(id) as { name: string | null; inspectedOn: string } | undefined;
  return row ? `${row.name ?? ''} ${row.inspectedOn}`.trim() : `#${id}`;
}

function orderNumberOf(ctx: HandlerContext, id: number): string {
  return (ctx.appDb.sqlite.prepare('SELECT number FROM rectification_orders WHERE id = ?').pluck().get(id) as string | undefined) ?? `#${id}`;
}

/**
 * 等级：重大；状态：整改中；仅逾期未整改；发现日期：2026-01-01 至 2026-06-30 — the hazard registers' filters. The
 * 重大隐患 register leaves out 等级: its title says it.
 */
export function hazardFilterSummary(ctx: HandlerContext, filters: HazardFilters, options: { major?: boolean } = {}): string[] {
  const parts: string[] = [];
  if (filters.level && !options.major) parts.push(`等级：${filters.level}`);
  if (filters.status) parts.push(`状态：${filters.status}`);
  if (filters.overdue) parts.push('仅逾期未整改');
  if (filters.source) parts.push(`来源：${filters.source}`);
  if (filters.villageId) parts.push(`村/社区：${nameOf(ctx, villages, filters.villageId)}`);
  if (filters.industry) parts.push(`行业领域：${filters.industry}`);
  if (filters.enterpriseId) parts.push(`企业：${nameOf(ctx, enterprises, filters.enterpriseId)}`);
  if (filters.idleSiteId) parts.push(`四闲场所：${nameOf(ctx, idleSites, filters.idleSiteId)}`);
  if (filters.inspectionId) parts.push(`检查：${inspectionLabel(ctx, filters.inspectionId)}`);
  if (filters.orderId) parts.push(`指令书：${orderNumberOf(ctx, filters.orderId)}`);
  if (filters.from || filters.to) parts.push(`发现日期：${filters.from ?? '…'} 至 ${filters.to ?? '…'}`);
  if (filters.withoutOrder) parts.push('仅未下达指令书');
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

/** 检查类型：执法；村/社区：东山村；检查日期：2026-01-01 至 2026-06-30 — the inspection register's filters. */
export function inspectionFilterSummary(ctx: HandlerContext, filters: InspectionFilters): string[] {
  const parts: string[] = [];
  if (filters.kind) parts.push(`检查类型：${filters.kind}检查`);
  if (filters.villageId) parts.push(`村/社区：${nameOf(ctx, villages, filters.villageId)}`);
  if (filters.enterpriseId) parts.push(`企业：${nameOf(ctx, enterprises, filters.enterpriseId)}`);
  if (filters.idleSiteId) parts.push(`四闲场所：${nameOf(ctx, idleSites, filters.idleSiteId)}`);
  if (filters.from || filters.to) parts.push(`检查日期：${filters.from ?? '…'} 至 ${filters.to ?? '…'}`);
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

/** 村/社区：东山村；下达日期：2026-01-01 至 2026-06-30；仅隐患未全部销号 — the order register's filters. */
export function orderFilterSummary(ctx: HandlerContext, filters: OrderFilters): string[] {
  const parts: string[] = [];
  if (filters.villageId) parts.push(`村/社区：${nameOf(ctx, villages, filters.villageId)}`);
  if (filters.enterpriseId) parts.push(`企业：${nameOf(ctx, enterprises, filters.enterpriseId)}`);
  if (filters.from || filters.to) parts.push(`下达日期：${filters.from ?? '…'} 至 ${filters.to ?? '…'}`);
  if (filters.open) parts.push('仅隐患未全部销号');
  if (filters.overdue) parts.push('仅已逾期');
  if (filters.q) parts.push(`关键词：“${filters.q}”`);
  return parts;
}

const collator = new Intl.Collator('zh-CN');

/**
 * The plan register's own order: grouped by owner as the office files them (镇, 部门, 村, 企业), then by unit and
 * plan name. `rows` come sorted by name, and the sort is stable, so ties keep that order.
 */
function byOwner(rows: PlanRow[]): PlanRow[] {
  return rows.sort(
    (a, b) => planOwnerTypes.indexOf(a.ownerType) - planOwnerTypes.indexOf(b.ownerType) || collator.compare(a.ownerName, b.ownerName),
  );
}

function pickColumns<Row>(id: LedgerId, definition: LedgerDefinition<Row>, keys: string[] | undefined): LedgerColumn<Row>[] {
  const wanted = keys?.length ? keys : defaultColumnKeys(id);
  const unknown = wanted.filter((key) => !definition.columns.some((column) => column.key === key));
  if (unknown.length) throw invalid(`台账中没有这些列：${unknown.join('、')}`, 'columns');
  return wanted.map((key) => definition.columns.find((column) => column.key === key)!);
}

/** The block above a ledger's table, the same in print, PDF and Excel. */
export interface LedgerHeading {
  title: string;
  orgName: string;
  /** 填报日期, YYYY年M月D日. */
  date: string;
  filterSummary: string;
}

/**
 * What a ledger request resolves to before any row is read: the checked columns, the heading, and a loader for
 * the rows. Print builds it all at once; the Excel export checks the columns up front (so a bad request fails
 * before a job starts) and loads the rows inside its background job.
 */
export interface LedgerPlan<Row> {
  definition: LedgerDefinition<Row>;
  columns: LedgerColumn<Row>[];
  heading: LedgerHeading;
  loadRows: () => Row[];
}

function plan<Row>(
  ctx: HandlerContext,
  id: LedgerId,
  definition: LedgerDefinition<Row>,
  loadRows: () => Row[],
  columnKeys: string[] | undefined,
  filterParts: string[],
): LedgerPlan<Row> {
  const office = getOfficeSettings(ctx);
  return {
    definition,
    columns: pickColumns(id, definition, columnKeys),
    heading: {
      title: `${office.townName}${definition.name}`,
      orgName: office.orgName,
      date: chineseDate(ctx.clock.now()),
      filterSummary: filterParts.length ? `筛选条件：${filterParts.join('；')}` : '范围：全部',
    },
    loadRows,
  };
}

/**
 * Resolves a request and hands the plan to `use`, typed by its own row type (each ledger's rows differ, and a
 * callback keeps each plan's columns matched to its rows without casts).
 */
export function withLedgerPlan<T>(ctx: HandlerContext, request: LedgerRequest, use: <Row>(plan: LedgerPlan<Row>) => T): T {
  switch (request.ledger) {
    case 'enterprises': {
      const { filters, sortField, sortOrder } = request;
      const loadRows = () => allEnterprises(ctx, filters, { sortField, sortOrder });
      return use(plan(ctx, 'enterprises', ledgerDefinitions.enterprises, loadRows, request.columns, enterpriseFilterSummary(ctx, filters)));
    }
    case 'villages': {
      const { filters, sortField, sortOrder } = request;
      const loadRows = () => allVillages(ctx, { ...filters, sortField, sortOrder });
      return use(plan(ctx, 'villages', ledgerDefinitions.villages, loadRows, request.columns, villageFilterSummary(filters)));
    }
    case 'gridWorkers': {
      const { filters } = request;
      const loadRows = () => allGridWorkers(ctx, filters);
      return use(plan(ctx, 'gridWorkers', ledgerDefinitions.gridWorkers, loadRows, request.columns, gridWorkerFilterSummary(ctx, filters)));
    }
    case 'idleSites': {
      const { filters, sortField, sortOrder } = request;
      const loadRows = () => allIdleSites(ctx, filters, { sortField, sortOrder });
      return use(plan(ctx, 'idleSites', ledgerDefinitions.idleSites, loadRows, request.columns, idleSiteFilterSummary(ctx, filters)));
    }
    case 'tanks': {
      const { filters, sortField, sortOrder } = request;
      const loadRows = () => allTanks(ctx, filters, { sortField, sortOrder });
      return use(plan(ctx, 'tanks', ledgerDefinitions.tanks, loadRows, request.columns, tankFilterSummary(ctx, filters)));
    }
    case 'filings': {
      const { filters, sortField, sortOrder } = request;
      // A register reads by date: earliest planned start first unless the list's own order was handed over.
      const sort = sortField ? { sortField, sortOrder } : { sortField: 'plannedStart' as const, sortOrder: 'ascend' as const };
      const loadRows = () => allFilings(ctx, filters, sort);
      return use(plan(ctx, 'filings', ledgerDefinitions.filings, loadRows, request.columns, filingFilterSummary(ctx, filters)));
    }
    case 'plans': {
      const { filters, sortField, sortOrder } = request;
      const loadRows = () =>
        sortField ? allPlans(ctx, filters, { sortField, sortOrder }) : byOwner(allPlans(ctx, filters, { sortField: 'name', sortOrder: 'ascend' }));
      return use(plan(ctx, 'plans', ledgerDefinitions.plans, loadRows, request.columns, planFilterSummary(ctx, filters)));
    }
    case 'planFilings': {
      const { filters, sortOrder } = request;
      // A register reads by date: first received first unless the list's own order was handed over.
      const loadRows = () => allPlanFilings(ctx, filters, sortOrder ?? 'ascend');
      return use(plan(ctx, 'planFilings', ledgerDefinitions.planFilings, loadRows, request.columns, planFilingFilterSummary(ctx, filters)));
    }
    case 'drills': {
      const { filters, sortField, sortOrder } = request;
      const sort = sortField ? { sortField, sortOrder } : { sortField: 'heldOn' as const, sortOrder: 'ascend' as const };
      const loadRows = () => allDrills(ctx, filters, sort);
      return use(plan(ctx, 'drills', ledgerDefinitions.drills, loadRows, request.columns, drillFilterSummary(ctx, filters)));
    }
    case 'hazards': {
      const { filters, sortField, sortOrder } = request;
      // A register reads by date: earliest found first unless the list's own order was handed over.
      const sort = sortField ? { sortField, sortOrder } : { sortField: 'foundOn' as const, sortOrder: 'ascend' as const };
      const loadRows = () => allHazards(ctx, filters, sort);
      return use(plan(ctx, 'hazards', ledgerDefinitions.hazards, loadRows, request.columns, hazardFilterSummary(ctx, filters)));
    }
    case 'majorHazards': {
      const filters: HazardFilters = { ...request.filters, level: '重大' };
      const { sortField, sortOrder } = request;
      const sort = sortField ? { sortField, sortOrder } : { sortField: 'foundOn' as const, sortOrder: 'ascend' as const };
      const loadRows = () => allHazards(ctx, filters, sort);
      return use(plan(ctx, 'majorHazards', ledgerDefinitions.majorHazards, loadRows, request.columns, hazardFilterSummary(ctx, filters, { major: true })));
    }
    case 'inspections': {
      const { filters, sortField } = request;
      // A register reads by date: earliest first unless the list's own order was handed over.
      const loadRows = () => allInspections(ctx, filters, sortField ? request.sortOrder : 'ascend');
      return use(plan(ctx, 'inspections', ledgerDefinitions.inspections, loadRows, request.columns, inspectionFilterSummary(ctx, filters)));
    }
    case 'orders': {
      const { filters, sortField } = request;
      // A 文书 register reads in number order, first issued first, unless the list's own order was handed over.
      const loadRows = () => allOrders(ctx, filters, sortField ? request.sortOrder : 'ascend');
      return use(plan(ctx, 'orders', ledgerDefinitions.orders, loadRows, request.columns, orderFilterSummary(ctx, filters)));
    }
  }
}

/** A ledger's title block, columns and formatted rows, for the print view. */
export function ledgerData(ctx: HandlerContext, request: LedgerRequest): LedgerData {
  const office = getOfficeSettings(ctx);
  return withLedgerPlan(ctx, request, ({ definition, columns, heading, loadRows }) => ({
    ...heading,
    orientation: definition.orientation,
    columns: columns.map(({ key, header, width, printWidth, align }) => ({ key, header, width: printWidth ?? width, align: align ?? 'left' })),
    rows: loadRows().map((row) => columns.map((column) => column.value(row))),
    signatures: { preparer: office.preparer, reviewer: office.reviewer, principal: office.principal },
  }));
}

const historyLabels: Record<FilingAction | 'create' | 'update', string> = { ...filingActionLabels, create: '登记报备', update: '修改报备' };

/**
 * The grade a filing is managed at when its rules raised it: 动火 on a holiday, rest day or at night goes one
 * grade up (GB 30871-2022 5.1.1), which the stored warnings record as 'hot-work-upgraded'. Null when not raised.
 */
export function managedGradeOf(filing: { grade: string | null; warnings: readonly { code: string }[] }): SpecialWorkGrade | null {
  if (!filing.warnings.some((warning) => warning.code === 'hot-work-upgraded')) return null;
  const grade = hotWorkGrades.find((candidate) => candidate === filing.grade);
  return grade ? hotWorkGradeUp(grade) : null;
}

/** 特殊作业报备审核表 of one filing: its facts, checklist, warnings, site check and history, with the office's names. */
export function filingSheet(ctx: HandlerContext, id: number): FilingSheet {
  const filing = getFiling(ctx, id);
  const office = getOfficeSettings(ctx);
  const required = requiredDocumentsOf(filing.kind, filing.grade as SpecialWorkGrade | null);
  return {
    title: `${office.townName}特殊作业报备审核表`,
    orgName: office.orgName,
    date: chineseDate(ctx.clock.now()),
    filing,
    managedGrade: managedGradeOf(filing),
    requiredDocuments: required.map((name) => ({ name, submitted: filing.documents.includes(name) })),
    extraDocuments: filing.documents.filter((name) => !required.includes(name)),
    history: filingHistory(ctx, id).map((step) => ({ ...step, actionLabel: historyLabels[step.action] })),
    signatures: { preparer: office.preparer, reviewer: office.reviewer, principal: office.principal },
  };
}

/** The 执法机关 the hazard documents are issued by: the office's name, or 〈镇〉应急管理办公室 before one is set. */
function issuingOffice(ctx: HandlerContext): { orgName: string; townName: string } {
  const office = getOfficeSettings(ctx);
  return { orgName: office.orgName || `${office.townName}应急管理办公室`, townName: office.townName };
}

/** 责令限期整改指令书 (and its 整改复查意见书 once reviewed): one order with its hazards, dates as the documents write them. */
export function orderSheet(ctx: HandlerContext, id: number): OrderSheet {
  const order = getOrder(ctx, id);
  return {
    title: '责令限期整改指令书',
    ...issuingOffice(ctx),
    order,
    issuedOnText: chineseDay(order.issuedOn),
    deadlineText: chineseDay(order.deadline),
    reviewedOnText: order.reviewedOn ? chineseDay(order.reviewedOn) : null,
    date: chineseDate(ctx.clock.now()),
  };
}

const dayMs = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * 重大隐患通报: the 重大 hazards not closed as of today (of one village, or the town), the most overdue first, with
 * the counts its opening sentence gives — open, overdue, not yet listed for supervision, closed this year.
 */
export function majorHazardNotice(ctx: HandlerContext, input: { villageId?: number }): MajorHazardNotice {
  const today = localToday(ctx);
  const office = issuingOffice(ctx);
  const scope: HazardFilters = { level: '重大', villageId: input.villageId };
  const open = allHazards(ctx, scope, { sortField: 'deadline', sortOrder: 'ascend' }).filter((hazard) => hazard.status !== '已销号');
  const closedThisYear = allHazards(ctx, { ...scope, status: '已销号' }).filter((hazard) => hazard.closedOn !== null && hazard.closedOn.slice(0, 4) === today.slice(0, 4)).length;
  const hazards = open.map((hazard) => ({
    id: hazard.id,
    number: hazard.number,
    targetName: hazard.targetName,
    villageName: hazard.villageName,
    place: hazard.place,
    description: hazard.description,
    foundOn: hazard.foundOn,
    status: hazard.status,
    listedAuthority: hazard.listedAuthority,
    listedDocNo: hazard.listedDocNo,
    assignedUnit: hazard.assignedUnit,
    deadline: hazard.deadline,
    overdueDays: hazard.overdue ? daysBetween(hazard.deadline, today) : 0,
    governancePlan: governancePlanSummary(hazard),
  }));
  return {
    title: `${office.townName}重大事故隐患情况通报`,
    ...office,
    villageName: input.villageId ? nameOf(ctx, villages, input.villageId) : null,
    asOf: today,
    date: chineseDay(today),
    hazards,
    counts: {
      open: hazards.length,
      overdue: hazards.filter((hazard) => hazard.overdueDays > 0).length,
      unlisted: hazards.filter((hazard) => !hazard.listedAuthority).length,
      closedThisYear,
    },
  };
}
