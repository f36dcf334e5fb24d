import { riskLevels, type RiskLevel } from '../../../shared/domain/enterprise';
import { mapLayerKeys, type MapFilters, type MapLayerKey } from './layerSeries';
import type { MapViewport } from './mapOptions';

/** What a printed map shows: which map, and for the town map its layers, filters and view. */
export interface MapPrintRequest {
  kind: 'town' | 'risk';
  layers: MapLayerKey[];
  filters: MapFilters;
  viewport: MapViewport;
}

/** The print route's query string for a request (`/print/map?…`). */
export function mapPrintQuery(request: MapPrintRequest): string {
  const query = new URLSearchParams({ kind: request.kind });
  if (request.kind === 'town') query.set('layers', request.layers.join(','));
  if (request.filters.villageId !== undefined) query.set('villageId', String(request.filters.villageId));
  if (request.filters.industry) query.set('industry', request.filters.industry);
  if (request.filters.riskLevel) query.set('riskLevel', request.filters.riskLevel);
  if (request.filters.status) query.set('status', request.filters.status);
  if (request.viewport.center) query.set('center', request.viewport.center.map((value) => value.toFixed(6)).join(','));
  if (request.viewport.zoom !== undefined) query.set('zoom', request.viewport.zoom.toFixed(3));
  return query.toString();
}

/** The request in a print route's query; unknown or malformed parts are dropped, not trusted. */
export function readMapPrintQuery(query: URLSearchParams): MapPrintRequest {
  const kind = query.get('kind') === 'risk' ? 'risk' : 'town';
  const layers = (query.get('layers') ?? '').split(',').filter((key): key is MapLayerKey => (mapLayerKeys as readonly string[]).includes(key));
  const villageId = Number(query.get('villageId'));
  const riskLevel = query.get('riskLevel');
  const center = (query.get('center') ?? '').split(',').map(Number);
  const zoom = Number(query.get('zoom'));
  return {
    kind,
    layers,
    filters: {
      villageId: Number.isInteger(villageId) && villageId > 0 ? villageId : undefined,
      industry: query.get('industry') ?? undefined,
      riskLevel: (riskLevels as readonly string[]).includes(riskLevel ?? '') ? (riskLevel as RiskLevel) : undefined,
      status: query.get('status') ?? undefined,
    },
    viewport: {
      center: center.length === 2 && center.every(Number.isFinite) ? [center[0], center[1]] : undefined,
      zoom: Number.isFinite(zoom) && zoom > 0 ? zoom : undefined,
    },
  };
}
