import { eq } from 'drizzle-orm';
import type { EnterpriseFilters } from '../../../shared/api/enterprises';
import type { GridWorkerFilters } from '../../../shared/api/gridWorkers';
import type { IdleSiteFilters } from '../../../shared/api/idleSites';
import type { TankFilters } from '../../../shared/api/tanks';
import type { LedgerData, ledgerRequestSchema } from '../../../shared/api/ledgers';
import { riskLevelLabels } from '../../../shared/domain/enterprise';
import { defaultColumnKeys, ledgerDefinitions, type LedgerColumn, type LedgerDefinition, type LedgerId } from '../../../shared/ledgers/definitions';
import type { z } from 'zod';
import type { HandlerContext } from '../../api/context';
import { invalid } from '../../api/errors';
import { enterprises, gridWorkers, idleSites, villages } from '../../db/schema';
import { allEnterprises } from '../enterprises/service';
import { allGridWorkers } from '../gridWorkers/service';
import { allIdleSites } from '../idleSites/service';
import { allTanks } from '../tanks/service';
import { getOfficeSettings } from '../settings/service';
import { allVillages } from '../villages/service';

export type LedgerRequest = z.output<typeof ledgerRequestSchema>;

/** 2026年3月15日, in the office's own (local) calendar. */
export function chineseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

function nameOf(ctx: HandlerContext, table: typeof villages | typeof gridWorkers | typeof enterprises | typeof idleSites, id: number): string {
  return ctx.appDb.db.select({ name: table.name }).from(table).where(eq(table.id, id)).get()?.name ?? `#${id}`;
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
  }
}

/** A ledger's title block, columns and formatted rows, for the print view. */
export function ledgerData(ctx: HandlerContext, request: LedgerRequest): LedgerData {
  const office = getOfficeSettings(ctx);
  return withLedgerPlan(ctx, request, ({ definition, columns, heading, loadRows }) => ({
    ...heading,
    orientation: definition.orientation,
    columns: columns.map(({ key, header, width, align }) => ({ key, header, width, align: align ?? 'left' })),
    rows: loadRows().map((row) => columns.map((column) => column.value(row))),
    signatures: { preparer: office.preparer, reviewer: office.reviewer, principal: office.principal },
  }));
}
