import { eq } from 'drizzle-orm';
import type { EnterpriseFilters } from '../../../shared/api/enterprises';
import type { LedgerData, ledgerRequestSchema } from '../../../shared/api/ledgers';
import { riskLevelLabels } from '../../../shared/domain/enterprise';
import { defaultColumnKeys, ledgerDefinitions, type LedgerColumn, type LedgerDefinition, type LedgerId } from '../../../shared/ledgers/definitions';
import type { z } from 'zod';
import type { HandlerContext } from '../../api/context';
import { invalid } from '../../api/errors';
import { gridWorkers, villages } from '../../db/schema';
import { allEnterprises } from '../enterprises/service';
import { getOfficeSettings } from '../settings/service';
import { allVillages } from '../villages/service';

type LedgerRequest = z.output<typeof ledgerRequestSchema>;

/** 2026年3月15日, in the office's own (local) calendar. */
export function chineseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

function nameOf(ctx: HandlerContext, table: typeof villages | typeof gridWorkers, id: number): string {
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

function pickColumns<Row>(id: LedgerId, definition: LedgerDefinition<Row>, keys: string[] | undefined): LedgerColumn<Row>[] {
  const wanted = keys?.length ? keys : defaultColumnKeys(id);
  const unknown = wanted.filter((key) => !definition.columns.some((column) => column.key === key));
  if (unknown.length) throw invalid(`台账中没有这些列：${unknown.join('、')}`, 'columns');
  return wanted.map((key) => definition.columns.find((column) => column.key === key)!);
}

function build<Row>(
  ctx: HandlerContext,
  id: LedgerId,
  definition: LedgerDefinition<Row>,
  rows: Row[],
  columnKeys: string[] | undefined,
  filterParts: string[],
): LedgerData {
  const office = getOfficeSettings(ctx);
  const columns = pickColumns(id, definition, columnKeys);
  return {
    title: `${office.townName}${definition.name}`,
    orgName: office.orgName,
    date: chineseDate(ctx.clock.now()),
    filterSummary: filterParts.length ? `筛选条件：${filterParts.join('；')}` : '范围：全部',
    orientation: definition.orientation,
    columns: columns.map(({ key, header, width, align }) => ({ key, header, width, align: align ?? 'left' })),
    rows: rows.map((row) => columns.map((column) => column.value(row))),
    signatures: { preparer: office.preparer, reviewer: office.reviewer, principal: office.principal },
  };
}

/** A ledger's title block, columns and formatted rows, for the print view (and, later, Excel export). */
export function ledgerData(ctx: HandlerContext, request: LedgerRequest): LedgerData {
  if (request.ledger === 'enterprises') {
    const rows = allEnterprises(ctx, request.filters, request);
    return build(ctx, 'enterprises', ledgerDefinitions.enterprises, rows, request.columns, enterpriseFilterSummary(ctx, request.filters));
  }
  const rows = allVillages(ctx, { ...request.filters, sortField: request.sortField, sortOrder: request.sortOrder });
  const parts = [request.filters.kind && `类型：${request.filters.kind}`, request.filters.q && `关键词：“${request.filters.q}”`];
  return build(ctx, 'villages', ledgerDefinitions.villages, rows, request.columns, parts.filter((part): part is string => !!part));
}
