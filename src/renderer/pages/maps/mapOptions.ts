import type { MapLayers, VillageRiskRow } from '../../../shared/api/maps';
import { riskLevelLabels, riskLevels } from '../../../shared/domain/enterprise';
import { townGeoComponent, type TownGeo } from '../../components/map/townGeo';
import { buildPointSeries, layerOfSeries, riskColors, type MapFilters, type MapLayerKey } from './layerSeries';
import { tooltipOf } from './MapDetailPanel';

/** Where the view looks: the geo component's centre ([lng, lat]) and zoom, as the user left them. */
export interface MapViewport {
  center?: [number, number];
  zoom?: number;
}

interface ViewOptions {
  roam: boolean;
  viewport?: MapViewport;
  animation: boolean;
}

/** Where both maps put their legend: a framed box at the bottom left, over the map. */
const legendBox = {
  orient: 'vertical' as const,
  left: 10,
  bottom: 10,
  padding: 8,
  backgroundColor: 'rgba(255,255,255,0.88)',
  borderColor: '#d9d9d9',
  borderWidth: 1,
  textStyle: { fontSize: 12 },
};

/** The viewport that frames one village (for the village filter), or the whole town when null. */
export function viewportOfVillage(geo: TownGeo, villageBox: [number, number, number, number] | null): MapViewport {
  if (!villageBox) return { center: undefined, zoom: 1 };
  const [minLng, minLat, maxLng, maxLat] = villageBox;
  const zoom = Math.min((geo.bbox[2] - geo.bbox[0]) / Math.max(maxLng - minLng, 1e-6), (geo.bbox[3] - geo.bbox[1]) / Math.max(maxLat - minLat, 1e-6));
  return { center: [(minLng + maxLng) / 2, (minLat + maxLat) / 2], zoom: Math.max(1, zoom * 0.8) };
}

function geoWithViewport(geo: TownGeo, view: ViewOptions) {
  return { ...townGeoComponent(geo, { roam: view.roam }), ...(view.viewport?.center ? { center: view.viewport.center } : {}), zoom: view.viewport?.zoom ?? 1 };
}

/** The ECharts option of the town map: polygons, the visible point layers under the filters, legend, tooltip. */
export function townMapOption(geo: TownGeo, layers: MapLayers, visible: readonly MapLayerKey[], filters: MapFilters, view: ViewOptions) {
  const built = buildPointSeries(layers, visible, filters);
  return {
    built,
    option: {
      animation: view.animation,
      title: { show: false },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: { componentType?: string; seriesId?: string; data?: unknown }) => {
          const layer = params.componentType === 'series' && params.seriesId ? layerOfSeries(params.seriesId) : null;
          const index = Array.isArray(params.data) ? (params.data[2] as number) : -1;
          return layer && index >= 0 ? tooltipOf(layers, { layer, index }) : '';
        },
      },
      legend: {
        show: built.legend.length > 0,
        ...legendBox,
        data: built.legend.map((entry) => ({ name: entry.name, icon: entry.symbol, itemStyle: { color: entry.color } })),
      },
      geo: geoWithViewport(geo, view),
      series: built.series,
    },
  };
}

/** 红橙黄蓝 pieces for the risk map's visual map, keyed by level index (red = 0). */
const riskPieces = riskLevels.map((level, index) => ({ value: index, label: riskLevelLabels[level], color: riskColors[level] }));

/** The ECharts option of 安全风险空间分布图: each village shaded by its level, the score in its label. */
export function riskMapOption(geo: TownGeo, rows: readonly VillageRiskRow[], view: ViewOptions) {
  const byVillage = new Map(rows.map((row) => [row.villageId, row]));
  const data = geo.regions.flatMap((region) => {
    const row = region.villageId === null ? undefined : byVillage.get(region.villageId);
    return row ? [{ name: region.name, value: riskLevels.indexOf(row.level), score: row.score }] : [];
  });
  return {
    animation: view.animation,
    title: { show: false },
    tooltip: {
      trigger: 'item',
      formatter: (params: { name: string; data?: { score: number; value: number } }) =>
        params.data ? `${params.name}<br/>风险分值 ${params.data.score}<br/>${riskLevelLabels[riskLevels[params.data.value]]}` : `${params.name}<br/>无对应村/社区`,
    },
    visualMap: {
      type: 'piecewise',
      pieces: riskPieces,
      dimension: 'value',
      ...legendBox,
      selectedMode: false,
      // 红 on top, as the levels are read.
      inverse: true,
      seriesIndex: 0,
    },
    geo: {
      ...geoWithViewport(geo, view),
      label: {
        show: true,
        fontSize: 11,
        color: '#1f1f1f',
        formatter: (params: { name: string }) => {
          const region = data.find((item) => item.name === params.name);
          return region ? `${params.name}\n${region.score}` : params.name;
        },
      },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data,
        label: { show: true },
      },
    ],
  };
}
