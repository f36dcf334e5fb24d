import { useMemo } from 'react';
import type { CurrentBoundary } from '../../../shared/api/maps';
import { useApiQuery } from '../../api/useApi';
import { registerTownMap, type TownGeo } from './townGeo';

/** The map name a boundary is registered under: one per stored set (and one for the shipped demo town). */
function mapNameOf(boundary: CurrentBoundary): string {
  return boundary.source === 'stored' ? `town-set-${boundary.setId}` : `town-${boundary.source}`;
}

/**
 * The current boundary (村界) from the backend, registered with ECharts. `geo` is null while loading and when
 * there is no boundary at all (no stored set and no shipped demo file), which the views explain.
 */
export function useTownGeo(): { boundary: CurrentBoundary | undefined; geo: TownGeo | null; loading: boolean; error: string | undefined; reload: () => void } {
  const query = useApiQuery('maps.currentBoundary', {});
  const geo = useMemo(() => {
    if (!query.data || query.data.features.length === 0) return null;
    return registerTownMap(mapNameOf(query.data), query.data.features);
  }, [query.data]);
  return { boundary: query.data, geo, loading: query.loading, error: query.error?.message, reload: query.reload };
}
