import { useCallback, useEffect, useRef } from 'react';
import type { MapLayers } from '../../../shared/api/maps';
import type { ECharts } from '../../components/map/echarts';
import type { MapLayerKey } from './layerSeries';

/**
 * What automation (the e2e tests and `npm run bench`) reads off a drawn map, since points on a canvas have no
 * DOM: `pixelOf` gives where a record's point is drawn, relative to the map's box.
 */
export interface MapProbe {
  pixelOf(layer: MapLayerKey, id: number): [number, number] | null;
}

/** Attaches a probe to the map's element; returns the detach function. */
export function exposeMapProbe(element: HTMLElement, chart: ECharts, layers: MapLayers): () => void {
  const probe: MapProbe = {
    pixelOf(layer, id) {
      const row = (layers[layer] as readonly (readonly unknown[])[]).find((candidate) => candidate[0] === id);
      if (!row) return null;
      const pixel = chart.convertToPixel({ geoIndex: 0 }, [row[1] as number, row[2] as number]) as number[] | undefined;
      return pixel ? [pixel[0], pixel[1]] : null;
    },
  };
  (element as HTMLElement & { mapProbe?: MapProbe }).mapProbe = probe;
  return () => {
    delete (element as HTMLElement & { mapProbe?: MapProbe }).mapProbe;
  };
}

/**
 * Marks the map's element when ECharts has finished drawing what was last set: `data-map-ready="1"` and
 * `data-draw-ms`, the time from the returned `markDrawn()` (called just before setOption) to ECharts'
 * `finished` event. The bench reads both; print views wait on the first.
 */
export function useMapReady(chart: ECharts | null, ref: React.RefObject<HTMLElement | null>): () => void {
  const started = useRef<number | null>(null);
  useEffect(() => {
    if (!chart) return undefined;
    const onFinished = () => {
      const element = ref.current;
      if (!element || started.current === null) return;
      element.dataset.drawMs = String(Math.round(performance.now() - started.current));
      element.dataset.mapReady = '1';
      started.current = null;
    };
    chart.on('finished', onFinished);
    return () => {
      chart.off('finished', onFinished);
    };
  }, [chart, ref]);
  return useCallback(() => {
    started.current = performance.now();
    if (ref.current) delete ref.current.dataset.mapReady;
  }, [ref]);
}
