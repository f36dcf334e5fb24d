import type { MapLayers } from '../../../shared/api/maps';
import { riskLevels, riskLevelShortLabels, type RiskLevel } from '../../../shared/domain/enterprise';
import { tankCategories, type TankCategory } from '../../../shared/domain/tank';

export const mapLayerKeys = ['enterprises', 'tanks', 'idleSites', 'works', 'hazards'] as const;
export type MapLayerKey = (typeof mapLayerKeys)[number];

export const mapLayerLabels: Record<MapLayerKey, string> = {
  enterprises: '企业',
  tanks: '储罐',
  idleSites: '四闲场所',
  works: '今日特殊作业',
  hazards: '未销号隐患',
};

/** Fill colours of 四色风险 on the map: antd's red/orange/gold/blue 6, readable on the pale village fill. */
export const riskColors: Record<RiskLevel, string> = { red: '#f5222d', orange: '#fa8c16', yellow: '#fadb14', blue: '#1677ff' };
const tankColors: Record<TankCategory, string> = { 危化品企业储罐: '#722ed1', 一般化工企业储罐: '#13c2c2', 四闲场所储罐: '#8c8c8c' };

/** The page's filters. The village applies to every layer; industry, risk and status to enterprises. */
export interface MapFilters {
  villageId?: number;
  industry?: string;
  riskLevel?: RiskLevel;
  status?: string;
}

/** What a series needs to be drawn; a scatter on the geo component, in large mode when it has many points. */
export interface PointSeries {
  id: string;
  name: string;
  type: 'scatter';
  coordinateSystem: 'geo';
  symbol: string;
  symbolSize: number;
  itemStyle: { color: string; borderColor?: string; borderWidth?: number; opacity?: number };
  /** [lng, lat, index of the row in its layer] */
  data: [number, number, number][];
  large: boolean;
  largeThreshold: number;
  z: number;
  emphasis: { scale: boolean };
}

/** A legend entry, one per series name (ECharts merges series of one name into one entry). */
export interface LegendEntry {
  name: string;
  color: string;
  symbol: string;
  layer: MapLayerKey;
}

// Past this many points a series is drawn as one path (ECharts large mode): hover still finds the point.
const largeThreshold = 2000;

function series(id: string, name: string, style: { color: string; symbol: string; size: number; z: number; border?: string }, data: [number, number, number][]): PointSeries {
  return {
    id,
    name,
    type: 'scatter',
    coordinateSystem: 'geo',
    symbol: style.symbol,
    symbolSize: style.size,
    itemStyle: { color: style.color, ...(style.border ? { borderColor: style.border, borderWidth: 1 } : {}), opacity: 0.9 },
    data,
    large: data.length > largeThreshold,
    largeThreshold,
    z: style.z,
    emphasis: { scale: true },
  };
}

/** Row indexes of a layer that pass the filters. */
function pick<T extends readonly unknown[]>(rows: readonly T[], keep: (row: T) => boolean): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index];
    if (keep(row)) out.push([row[1] as number, row[2] as number, index]);
  }
  return out;
}

/**
 * The scatter series for the visible layers under the filters, the legend entries they need and how many
 * points each layer shows. Series ids start with the layer key (`enterprises:red:key`), so a clicked point's
 * series id and its data's third value lead back to the row.
 */
export function buildPointSeries(layers: MapLayers, visible: readonly MapLayerKey[], filters: MapFilters) {
  const inVillage = (villageId: number) => filters.villageId === undefined || villageId === filters.villageId;
  const out: PointSeries[] = [];
  const legend: LegendEntry[] = [];
  const counts: Record<MapLayerKey, number> = { enterprises: 0, tanks: 0, idleSites: 0, works: 0, hazards: 0 };
  const add = (layer: MapLayerKey, entry: PointSeries, legendColor = entry.itemStyle.color) => {
    counts[layer] += entry.data.length;
    out.push(entry);
    if (!legend.some((item) => item.name === entry.name)) legend.push({ name: entry.name, color: legendColor, symbol: entry.symbol, layer });
  };

  if (visible.includes('enterprises')) {
    for (const level of riskLevels) {
      if (filters.riskLevel && filters.riskLevel !== level) continue;
      for (const key of [false, true]) {
        const data = pick(
          layers.enterprises,
          (row) =>
            row[6] === level &&
            row[7] === key &&
            inVillage(row[4]) &&
            (!filters.industry || row[5] === filters.industry) &&
            (!filters.status || row[8] === filters.status),
        );
        // Key-supervised enterprises share their colour's legend entry and are drawn larger, above the rest.
        add('enterprises', series(`enterprises:${level}:${key ? 'key' : 'plain'}`, `${riskLevelShortLabels[level]}色风险企业`, { color: riskColors[level], symbol: 'circle', size: key ? 10 : 5, z: key ? 4 : 3, border: key ? '#262626' : undefined }, data));
      }
    }
  }
  if (visible.includes('tanks')) {
    for (const category of tankCategories) {
      const data = pick(layers.tanks, (row) => row[4] === category && inVillage(row[7]));
      add('tanks', series(`tanks:${category}`, category, { color: tankColors[category], symbol: 'diamond', size: 7, z: 5 }, data));
    }
  }
  if (visible.includes('idleSites')) {
    add('idleSites', series('idleSites', '四闲场所', { color: '#a0522d', symbol: 'rect', size: 7, z: 5 }, pick(layers.idleSites, (row) => inVillage(row[4]))));
  }
  if (visible.includes('works')) {
    add('works', series('works:normal', '今日特殊作业', { color: '#fa541c', symbol: 'pin', size: 18, z: 7 }, pick(layers.works, (row) => !row[7] && inVillage(row[8]))));
    add('works', series('works:flagged', '异常作业（超时或未批先干）', { color: '#a8071a', symbol: 'pin', size: 22, z: 8 }, pick(layers.works, (row) => row[7] && inVillage(row[8]))));
  }
  if (visible.includes('hazards')) {
    add('hazards', series('hazards:general', '一般隐患（未销号）', { color: '#d4b106', symbol: 'triangle', size: 7, z: 6 }, pick(layers.hazards, (row) => row[4] === '一般' && inVillage(row[8]))));
    add('hazards', series('hazards:major', '重大隐患（未销号）', { color: '#cf1322', symbol: 'triangle', size: 16, z: 9, border: '#ffffff' }, pick(layers.hazards, (row) => row[4] === '重大' && inVillage(row[8]))));
  }
  return { series: out, legend, counts };
}

/** The layer a series belongs to, from its id. */
export function layerOfSeries(seriesId: string): MapLayerKey | null {
  const layer = seriesId.split(':')[0];
  return (mapLayerKeys as readonly string[]).includes(layer) ? (layer as MapLayerKey) : null;
}
