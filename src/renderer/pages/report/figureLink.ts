import type { FigureSource, ReportListName } from '../../../shared/api/report';
import { readFilingListQuery, writeFilingListQuery } from '../filings/listParams';
import {
  readHazardListQuery,
  readInspectionListQuery,
  readOrderListQuery,
  writeHazardListQuery,
  writeInspectionListQuery,
  writeOrderListQuery,
} from '../hazards/listParams';
import { readIdleSiteListQuery, writeIdleSiteListQuery } from '../idleSites/listParams';
import {
  readDrillListQuery,
  readPlanFilingListQuery,
  readPlanListQuery,
  writeDrillListQuery,
  writePlanFilingListQuery,
  writePlanListQuery,
} from '../plans/listParams';
import { readTankListQuery, writeTankListQuery } from '../tanks/listParams';

/**
 * Each list a figure can come from: the route of its page (the 隐患 and 预案 pages show their other lists as
 * sub-routes, the 报备 register is `/filings/list`) and that page's own URL codec. The codec is the page's, not
 * a copy, so a filter the page stops reading shows up here as a link that is no longer exact.
 */
const lists: Record<ReportListName, { path: string; label: string; roundTrip: (params: URLSearchParams) => URLSearchParams }> = {
  inspections: { path: '/hazards/inspections', label: '检查记录', roundTrip: (params) => writeInspectionListQuery(readInspectionListQuery(params)) },
  orders: { path: '/hazards/orders', label: '整改指令书', roundTrip: (params) => writeOrderListQuery(readOrderListQuery(params)) },
  hazards: { path: '/hazards', label: '隐患台账', roundTrip: (params) => writeHazardListQuery(readHazardListQuery(params)) },
  tanks: { path: '/tanks', label: '储罐台账', roundTrip: (params) => writeTankListQuery(readTankListQuery(params)) },
  idleSites: { path: '/idle-sites', label: '四闲场所台账', roundTrip: (params) => writeIdleSiteListQuery(readIdleSiteListQuery(params)) },
  filings: { path: '/filings/list', label: '特殊作业报备', roundTrip: (params) => writeFilingListQuery(readFilingListQuery(params)) },
  plans: { path: '/plans', label: '应急预案', roundTrip: (params) => writePlanListQuery(readPlanListQuery(params)) },
  drills: { path: '/plans/drills', label: '应急演练', roundTrip: (params) => writeDrillListQuery(readDrillListQuery(params)) },
  planFilings: { path: '/plans/filings', label: '预案备案', roundTrip: (params) => writePlanFilingListQuery(readPlanFilingListQuery(params)) },
};

/** Where a figure leads: the list page's address, or why there is none (shown as the number's tooltip). */
export type FigureLink = { to: string; listLabel: string } | { to: null; reason: string };

/** Why a figure without a source has none; the backend leaves it null for these cases (see the contract). */
export const noSourceReason = '该数字没有可直接对应的列表（如比率、人次合计、按历史日期统计的数量或多村合计），不能跳转。';

/**
 * The list page showing exactly the records behind a figure (`/hazards?from=…&to=…&status=已销号`). The filters
 * are in the list's API vocabulary, which is also its URL's; a filter the page would drop or change on reading
 * its URL means the list would show other records, so such a figure gets no link rather than a wrong one.
 */
export function figureLink(source: FigureSource | null): FigureLink {
  if (!source) return { to: null, reason: noSourceReason };
  const list = lists[source.list];
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(source.filters).sort(([a], [b]) => a.localeCompare(b))) params.set(key, String(value));
  const read = list.roundTrip(params);
  const lost = [...params.entries()].filter(([key, value]) => read.get(key) !== value).map(([key]) => key);
  if (lost.length > 0) return { to: null, reason: `${list.label}不能按“${lost.join('、')}”筛选，无法跳转到恰好这些记录。` };
  const query = params.toString();
  return { to: query ? `${list.path}?${query}` : list.path, listLabel: list.label };
}
