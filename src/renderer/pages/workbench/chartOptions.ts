import type { WorkbenchCharts } from '../../../shared/api/workbench';
import { riskLevelLabels, riskLevels } from '../../../shared/domain/enterprise';
import { tankStatuses } from '../../../shared/domain/tank';
import type { EChartsOption } from '../../components/map/echarts';
import { riskColors } from '../maps/layerSeries';
import { captionSubtext, type MapCaption } from '../maps/mapExport';

/**
 * The workbench's five charts as ECharts options, built from the summary alone (no DOM), so each is the same
 * on screen and in its exported PNG. Animation is off: the page is read, not watched, and a screenshot or
 * export taken right after drawing must show the final picture.
 */

export const months = Array.from({ length: 12 }, (_, index) => `${index + 1}月`);

const tooltipAxis = { trigger: 'axis', axisPointer: { type: 'shadow' } } as const;
const valueAxis = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } } as const;

/** Room the exported picture's title and 填报单位 line take above the plot. */
const captionHeight = 64;

/**
 * What every chart shares: no animation, and for an exported picture the caption (title, 填报单位, date) drawn
 * on the canvas with the plot moved down under it, so the PNG stands on its own in a report.
 */
function frame(caption?: MapCaption) {
  const offset = caption ? captionHeight : 0;
  return {
    base: {
      animation: false,
      ...(caption
        ? { title: { text: caption.title, subtext: captionSubtext(caption), left: 'center', top: 8, textStyle: { fontSize: 16 }, subtextStyle: { fontSize: 12, color: '#555' } } }
        : {}),
    },
    offset,
    legendTop: { top: offset, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
    grid: { left: 8, right: 16, top: 36 + offset, bottom: 8, containLabel: true },
  };
}
/** A rate's colour: the office reads below 60% as bad, below 90% as needing a push. */
export function rateColor(rate: number | null): string {
  if (rate === null) return '#bfbfbf';
  return rate < 60 ? '#f5222d' : rate < 90 ? '#fa8c16' : '#52c41a';
}

export function hazardsByMonthOption(data: WorkbenchCharts['hazardsByMonth'], caption?: MapCaption): EChartsOption {
  const { base, legendTop, grid } = frame(caption);
  const rates = data.found.map((found, index) => (found ? Math.round((data.rectified[index] / found) * 1000) / 10 : null));
  return {
    ...base,
    color: ['#1677ff', '#52c41a', '#fa8c16'],
    tooltip: tooltipAxis,
    legend: { ...legendTop, data: ['发现隐患', '已整改', '整改率'] },
    grid,
    xAxis: { type: 'category', data: months, axisTick: { alignWithLabel: true } },
    yAxis: [
      { ...valueAxis, name: '条', nameTextStyle: { align: 'right' } },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false }, axisLabel: { formatter: '{value}' } },
    ],
    series: [
      { name: '发现隐患', type: 'bar', data: data.found, barMaxWidth: 18 },
      { name: '已整改', type: 'bar', data: data.rectified, barMaxWidth: 18 },
      { name: '整改率', type: 'line', yAxisIndex: 1, data: rates, connectNulls: true, symbolSize: 6, tooltip: { valueFormatter: (value: unknown) => (value === null || value === undefined ? '–' : `${value}%`) } },
    ],
  };
}

export function enterprisesByRiskOption(data: WorkbenchCharts['enterprisesByRisk'], caption?: MapCaption): EChartsOption {
  const { base, legendTop, offset } = frame(caption);
  return {
    ...base,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 家（{d}%）' },
    legend: { ...legendTop, top: 'bottom' },
    series: [
      {
        name: '企业风险等级',
        type: 'pie',
        radius: offset ? ['30%', '50%'] : ['36%', '58%'],
        center: ['50%', offset ? '57%' : '46%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { formatter: '{c} 家\n{d}%', fontSize: 12, overflow: 'none' },
        labelLine: { length: 8, length2: 8 },
        data: riskLevels.map((level) => ({ name: riskLevelLabels[level], value: data[level], itemStyle: { color: riskColors[level] }, level })),
      },
    ],
  };
}

const tankStatusColors: Record<string, string> = { 在用: '#1677ff', 停用: '#faad14', 闲置: '#8c8c8c', 已清空: '#13c2c2' };

export function tanksOption(data: WorkbenchCharts['tanks'], caption?: MapCaption): EChartsOption {
  const { base, legendTop, grid } = frame(caption);
  const statuses = tankStatuses.filter((status) => status !== '已拆除');
  // A number inside a sliver of a bar is unreadable and overlaps its neighbours: only segments of some size carry one.
  const tallest = Math.max(0, ...data.byCategory.map((row) => Object.values(row.byStatus).reduce((sum, n) => sum + n, 0)));
  const labelFrom = Math.max(1, tallest * 0.06);
  return {
    ...base,
    tooltip: tooltipAxis,
    legend: { ...legendTop, data: [...statuses] },
    grid,
    xAxis: { type: 'category', data: data.byCategory.map((row) => row.category) },
    yAxis: { ...valueAxis, name: '个', nameTextStyle: { align: 'right' } },
    series: statuses.map((status) => ({
      name: status,
      type: 'bar',
      stack: 'tanks',
      barMaxWidth: 56,
      itemStyle: { color: tankStatusColors[status] },
      label: { show: true, formatter: (params: { value: unknown }) => (Number(params.value) >= labelFrom ? String(params.value) : ''), fontSize: 11, color: '#fff' },
      data: data.byCategory.map((row) => row.byStatus[status]),
    })),
  };
}

// Eleven kinds need eleven colours that stay apart on a stacked bar.
const kindPalette = ['#f5222d', '#1677ff', '#722ed1', '#13c2c2', '#fa8c16', '#52c41a', '#eb2f96', '#2f54eb', '#a0d911', '#faad14', '#8c8c8c'];

export function filingsByKindOption(data: WorkbenchCharts['filingsByKindByMonth'], caption?: MapCaption): EChartsOption {
  const { base, legendTop, grid } = frame(caption);
  return {
    ...base,
    color: kindPalette,
    tooltip: tooltipAxis,
    // On screen the legend scrolls; a picture cannot, so there it wraps onto a second line above a lowered plot.
    legend: { ...legendTop, type: caption ? 'plain' : 'scroll' },
    grid: caption ? { ...grid, top: grid.top + 26 } : grid,
    xAxis: { type: 'category', data: months },
    // No axis name: the scrolling legend spans the width above the plot (the unit is in the card's note).
    yAxis: valueAxis,
    series: data.map((row) => ({ name: row.kind, type: 'bar', stack: 'filings', barMaxWidth: 28, data: row.months })),
  };
}

export function villageRatesOption(data: WorkbenchCharts['villageRates'], caption?: MapCaption): EChartsOption {
  const { base, grid, offset } = frame(caption);
  const many = data.length > 14;
  return {
    ...base,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number };
        const row = data[first.dataIndex];
        return `${row.villageName}<br/>发现 ${row.found} 条，已整改 ${row.rectified} 条<br/>整改率 ${row.rate ?? '–'}%`;
      },
    },
    grid: { ...grid, top: 28 + offset },
    xAxis: { type: 'category', data: data.map((row) => row.villageName), axisLabel: { interval: 0, rotate: many ? 40 : 0, fontSize: 12 } },
    yAxis: { type: 'value', name: '%', min: 0, max: 100, splitLine: { lineStyle: { color: '#eef0f3' } } },
    series: [
      {
        name: '整改率',
        type: 'bar',
        barMaxWidth: 28,
        label: { show: !many || data.length <= 30, position: 'top', formatter: '{c}', fontSize: 11 },
        data: data.map((row) => ({ value: row.rate ?? 0, itemStyle: { color: rateColor(row.rate) } })),
      },
    ],
  };
}

/** Whether a chart has anything to draw (an all-zero chart shows 暂无数据 instead). */
export const hasData = {
  hazardsByMonth: (data: WorkbenchCharts['hazardsByMonth']) => data.found.some(Boolean),
  enterprisesByRisk: (data: WorkbenchCharts['enterprisesByRisk']) => Object.values(data).some(Boolean),
  tanks: (data: WorkbenchCharts['tanks']) => data.byCategory.some((row) => Object.values(row.byStatus).some(Boolean)),
  filingsByKind: (data: WorkbenchCharts['filingsByKindByMonth']) => data.length > 0,
  villageRates: (data: WorkbenchCharts['villageRates']) => data.length > 0,
};
