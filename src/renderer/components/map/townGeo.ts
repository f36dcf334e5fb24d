import type { BoundaryFeatureRow } from '../../../shared/api/maps';
import type { BBox } from '../../../shared/domain/geo/pointInPolygon';
import { echarts } from './echarts';

/** A boundary registered with ECharts under `mapName`, with what the views need to frame it. */
export interface TownGeo {
  mapName: string;
  /** One region per name: a village's pieces are drawn (and hovered) as one. */
  regions: { name: string; villageId: number | null }[];
  /** Each region's box, to frame one village. */
  boxes: Map<string, BBox>;
  bbox: BBox;
  /**
   * Width/height scale so a degree of longitude is drawn shorter than a degree of latitude by cos(latitude):
   * at the town's latitude the map then keeps its true shape.
   */
  aspectScale: number;
}

/** The name a feature is drawn and labelled under: its village when paired, else the file's own name. */
export function regionNameOf(feature: Pick<BoundaryFeatureRow, 'villageName' | 'featureName'>): string {
  return feature.villageName ?? feature.featureName;
}

/**
 * Registers the features as an ECharts map (`mapName` is reused, so registering again replaces it). Features
 * sharing a name are merged into one MultiPolygon region: ECharts keys regions by name.
 */
export function registerTownMap(mapName: string, features: readonly BoundaryFeatureRow[]): TownGeo {
  const merged = new Map<string, { villageId: number | null; coordinates: number[][][][] }>();
  const boxes = new Map<string, BBox>();
  const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of features) {
    const name = regionNameOf(feature);
    const entry = merged.get(name) ?? { villageId: feature.villageId, coordinates: [] };
    entry.coordinates.push(...feature.geometry.coordinates);
    merged.set(name, entry);
    const box = boxes.get(name);
    boxes.set(name, box ? [Math.min(box[0], feature.bbox[0]), Math.min(box[1], feature.bbox[1]), Math.max(box[2], feature.bbox[2]), Math.max(box[3], feature.bbox[3])] : [...feature.bbox]);
    bbox[0] = Math.min(bbox[0], feature.bbox[0]);
    bbox[1] = Math.min(bbox[1], feature.bbox[1]);
    bbox[2] = Math.max(bbox[2], feature.bbox[2]);
    bbox[3] = Math.max(bbox[3], feature.bbox[3]);
  }
  const geoJson = {
    type: 'FeatureCollection' as const,
    features: [...merged].map(([name, entry]) => ({
      type: 'Feature' as const,
      properties: { name },
      geometry: { type: 'MultiPolygon' as const, coordinates: entry.coordinates },
    })),
  };
  echarts.registerMap(mapName, geoJson as unknown as Parameters<typeof echarts.registerMap>[1]);
  const middleLatitude = Number.isFinite(bbox[1]) ? (bbox[1] + bbox[3]) / 2 : 0;
  return {
    mapName,
    regions: [...merged].map(([name, entry]) => ({ name, villageId: entry.villageId })),
    boxes,
    bbox,
    aspectScale: Math.cos((middleLatitude * Math.PI) / 180),
  };
}

/** The geo component every map view shares: the polygons, their labels, zoom and pan. */
export function townGeoComponent(geo: TownGeo, options: { roam?: boolean; labels?: boolean } = {}) {
  return {
    map: geo.mapName,
    roam: options.roam ?? true,
    aspectScale: geo.aspectScale,
    layoutCenter: ['50%', '50%'],
    layoutSize: '95%',
    scaleLimit: { min: 0.6, max: 60 },
    label: { show: options.labels ?? true, fontSize: 11, color: '#4a5563' },
    itemStyle: { areaColor: '#f4f6f8', borderColor: '#8a97a6', borderWidth: 1 },
    emphasis: { label: { show: true, color: '#1f2937' }, itemStyle: { areaColor: '#e3edf7' } },
    select: { disabled: true },
    // No `tooltip` here: a series drawn on this geo inherits the geo's tooltip settings, so hiding the regions'
    // tooltip this way would hide every point's too (ECharts keeps geo region tooltips off by default anyway).
  };
}
