import type { FilingSheet, LedgerRequest, MajorHazardNotice, OrderSheet } from '../../shared/api/ledgers';
import { enterpriseSortFields } from '../../shared/api/enterprises';
import { filingSortFields } from '../../shared/api/filings';
import { hazardSortFields } from '../../shared/api/hazards';
import { idleSiteSortFields } from '../../shared/api/idleSites';
import { tankSortFields } from '../../shared/api/tanks';
import { villageSortFields } from '../../shared/api/villages';
import { villageKinds } from '../../shared/domain/village';
import { ledgerDefinitions, ledgerIds, type LedgerId } from '../../shared/ledgers/definitions';
import { printInShell } from './shellPrint';
import { oneOf, positiveInt, searchText } from '../components/listQuery';
import { filterKeys, readEnterpriseFilters } from '../pages/enterprises/listParams';
import { filingFilterKeys, readFilingFilters } from '../pages/filings/listParams';
import { readTankFilters, tankFilterKeys } from '../pages/tanks/listParams';
import { filterKeys as idleSiteFilterKeys, readIdleSiteFilters } from '../pages/idleSites/listParams';
import {
  hazardFilterKeys,
  inspectionFilterKeys,
  inspectionFiltersOf,
  orderFilterKeys,
  orderFiltersOf,
  readHazardFilters,
  readInspectionListQuery,
  readOrderListQuery,
} from '../pages/hazards/listParams';
import { drillFiltersOf, planFiltersOf, planFilingFiltersOf, readDrillListQuery, readPlanFilingListQuery, readPlanListQuery } from '../pages/plans/listParams';

/**
 * A print view's state lives in its URL (`#/print/enterprises?riskLevel=red&sort=name&order=ascend&columns=name,uscc`),
 * using the same parameter names as each ledger's list page, so a list's query string can be handed over as it is.
 * Only filters, sort and columns are carried: never anything secret (the route may end up in a print job's title).
 */

export function isLedgerId(value: string | undefined): value is LedgerId {
  return ledgerIds.some((id) => id === value);
}

function readColumns(params: URLSearchParams): string[] | undefined {
  const keys = (params.get('columns') ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  return keys.length ? keys : undefined;
}

function sortOrder(params: URLSearchParams, sortField: string | undefined): 'ascend' | 'descend' | undefined {
  if (!sortField) return undefined;
  return params.get('order') === 'ascend' ? 'ascend' : 'descend';
}

/** Each ledger's request read from a print URL's parameters, with that ledger's filters and sort. */
const requestReaders: { [L in LedgerId]: (params: URLSearchParams) => Extract<LedgerRequest, { ledger: L }> } = {
  enterprises(params) {
    const sortField = oneOf(enterpriseSortFields, params.get('sort'));
    return { ledger: 'enterprises', filters: readEnterpriseFilters(params), sortField, sortOrder: sortOrder(params, sortField), columns: readColumns(params) };
  },
  villages(params) {
    const sortField = oneOf(villageSortFields, params.get('sort'));
    return {
      ledger: 'villages',
      filters: { q: searchText(params), kind: oneOf(villageKinds, params.get('kind')) },
      sortField,
      sortOrder: sortOrder(params, sortField),
      columns: readColumns(params),
    };
  },
  gridWorkers(params) {
    return { ledger: 'gridWorkers', filters: { q: searchText(params), villageId: positiveInt(params.get('villageId')) }, columns: readColumns(params) };
  },
  idleSites(params) {
    const sortField = oneOf(idleSiteSortFields, params.get('sort'));
    return { ledger: 'idleSites', filters: readIdleSiteFilters(params), sortField, sortOrder: sortOrder(params, sortField), columns: readColumns(params) };
  },
  filings(params) {
    const sortField = oneOf(filingSortFields, params.get('sort'));
    return { ledger: 'filings', filters: readFilingFilters(params), sortField, sortOrder: sortOrder(params, sortField), columns: readColumns(params) };
  },
  tanks(params) {
    const sortField = oneOf(tankSortFields, params.get('sort'));
    return {
      ledger: 'tanks',
      filters: readTankFilters(params),
      sortField,
      sortOrder: sortOrder(params, sortField),
      columns: readColumns(params),
    };
  },
  plans(params) {
    const query = readPlanListQuery(params);
    return { ledger: 'plans', filters: planFiltersOf(query), sortField: query.sortField, sortOrder: query.sortOrder, columns: readColumns(params) };
  },
  // The 备案 desk has no sort choice: its register always reads first received first.
  planFilings(params) {
    return { ledger: 'planFilings', filters: planFilingFiltersOf(readPlanFilingListQuery(params)), columns: readColumns(params) };
  },
  drills(params) {
    const query = readDrillListQuery(params);
    return { ledger: 'drills', filters: drillFiltersOf(query), sortField: query.sortField, sortOrder: query.sortOrder, columns: readColumns(params) };
  },
  hazards(params) {
    const sortField = oneOf(hazardSortFields, params.get('sort'));
    return { ledger: 'hazards', filters: readHazardFilters(params), sortField, sortOrder: sortOrder(params, sortField), columns: readColumns(params) };
  },
  majorHazards(params) {
    const sortField = oneOf(hazardSortFields, params.get('sort'));
    return { ledger: 'majorHazards', filters: { ...readHazardFilters(params), level: '重大' }, sortField, sortOrder: sortOrder(params, sortField), columns: readColumns(params) };
  },
  inspections(params) {
    const query = readInspectionListQuery(params);
    return { ledger: 'inspections', filters: inspectionFiltersOf(query), sortField: query.sortField, sortOrder: query.sortOrder, columns: readColumns(params) };
  },
  orders(params) {
    const query = readOrderListQuery(params);
    return { ledger: 'orders', filters: orderFiltersOf(query), sortField: query.sortField, sortOrder: query.sortOrder, columns: readColumns(params) };
  },
};

/** The filter parameters each ledger's print URL carries: its list page's own. */
const printFilterKeys: Record<LedgerId, readonly string[]> = {
  enterprises: filterKeys,
  villages: ['q', 'kind'],
  gridWorkers: ['q', 'villageId'],
  idleSites: idleSiteFilterKeys,
  tanks: tankFilterKeys,
  filings: filingFilterKeys,
  plans: ['q', 'ownerType', 'kind', 'villageId', 'enterpriseId', 'status', 'due'],
  planFilings: ['q', 'status', 'planId', 'enterpriseId', 'from', 'to'],
  drills: ['q', 'ownerType', 'villageId', 'enterpriseId', 'planId', 'scope', 'form', 'from', 'to', 'fireBrigade', 'unevaluated'],
  hazards: hazardFilterKeys,
  // Always 重大: the level is not carried.
  majorHazards: hazardFilterKeys.filter((key) => key !== 'level'),
  inspections: inspectionFilterKeys,
  orders: orderFilterKeys,
};

/** Where 返回 goes from a print view opened without a page of ours behind it (a reload, a pasted link). */
export const ledgerListPaths: Record<LedgerId, string> = {
  enterprises: '/enterprises',
  villages: '/villages',
  gridWorkers: '/grid-workers',
  tanks: '/tanks',
  idleSites: '/idle-sites',
  filings: '/filings/list',
  plans: '/plans',
  planFilings: '/plans/filings',
  drills: '/plans/drills',
  hazards: '/hazards',
  majorHazards: '/hazards?level=重大',
  inspections: '/hazards/inspections',
  orders: '/hazards/orders',
};

/** The `ledgers.data` request a print URL asks for; malformed values are dropped, as in the list pages. */
export function readLedgerRequest(ledger: LedgerId, params: URLSearchParams): LedgerRequest {
  return requestReaders[ledger](params);
}

export interface PrintState {
  /** Filter values as the list pages write them in their URLs (strings). */
  filters?: Record<string, string | number | boolean | undefined>;
  sortField?: string;
  sortOrder?: 'ascend' | 'descend';
  /** Ledger column keys, in any order; printed in the ledger's own order. Omitted: the ledger's defaults. */
  columns?: string[];
}

/** The hash route (`/print/<ledger>?…`) of a print view; what Electron's print window and the 打印 buttons open. */
export function printRoute(ledger: LedgerId, state: PrintState = {}): string {
  const params = new URLSearchParams();
  const allowed = printFilterKeys[ledger];
  for (const [key, value] of Object.entries(state.filters ?? {})) {
    if (allowed.includes(key) && value !== undefined && value !== '') params.set(key, String(value));
  }
  if (state.sortField) {
    params.set('sort', state.sortField);
    params.set('order', state.sortOrder ?? 'descend');
  }
  if (state.columns?.length) {
    const wanted = new Set(state.columns);
    const ordered = ledgerDefinitions[ledger].columns.map((column) => column.key).filter((key) => wanted.has(key));
    if (ordered.length) params.set('columns', ordered.join(','));
  }
  const query = params.toString();
  return `/print/${ledger}${query ? `?${query}` : ''}`;
}

/**
 * Prints a ledger from a list page: Electron renders the print view in a hidden window and opens the system
 * print dialog; a browser has no such window (and a new tab would have no session, which is per tab), so it
 * navigates this tab to the print view, whose own 打印 button calls window.print().
 */
export async function openPrint(ledger: LedgerId, state: PrintState, navigate: (to: string) => void): Promise<string | undefined> {
  const route = printRoute(ledger, state);
  if (!window.api) {
    navigate(route);
    return undefined;
  }
  const { error } = await printInShell(window.api, { route, landscape: ledgerDefinitions[ledger].orientation === 'landscape' });
  return error;
}

/** The hash route of a filing's 报备审核表 (A4 portrait). */
export function filingSheetRoute(filingId: number): string {
  return `/print/filing/${filingId}`;
}

/** `示例镇特殊作业报备审核表-2026-0012.pdf`. */
export function filingSheetFileName(sheet: Pick<FilingSheet, 'title'> & { filing: Pick<FilingSheet['filing'], 'number'> }): string {
  return `${sheet.title}-${sheet.filing.number}.pdf`;
}

/** The hash route of an order's 责令限期整改指令书 (A4 portrait). */
export function orderSheetRoute(orderId: number): string {
  return `/print/order/${orderId}`;
}

/** The hash route of an order's 整改复查意见书 (A4 portrait); refused on the page until the order is reviewed. */
export function orderReviewRoute(orderId: number): string {
  return `/print/order-review/${orderId}`;
}

/** The hash route of the 重大隐患通报, of one village or (without) the whole town. */
export function majorHazardNoticeRoute(villageId?: number): string {
  return `/print/major-hazard-notice${villageId ? `?villageId=${villageId}` : ''}`;
}

/** File names of the hazard documents: `责令限期整改指令书-示例镇应急责改〔2026〕第3号.pdf`. */
export function orderSheetFileName(sheet: Pick<OrderSheet, 'order'>, review = false): string {
  const number = review ? (sheet.order.reviewNumber ?? sheet.order.number) : sheet.order.number;
  return `${review ? '整改复查意见书' : '责令限期整改指令书'}-${number}.pdf`;
}

/** `示例镇重大事故隐患情况通报-2026-06-15.pdf`. */
export function majorHazardNoticeFileName(notice: Pick<MajorHazardNotice, 'title' | 'asOf' | 'villageName'>): string {
  return `${notice.title}${notice.villageName ? `（${notice.villageName}）` : ''}-${notice.asOf}.pdf`;
}
