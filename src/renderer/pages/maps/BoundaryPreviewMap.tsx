import { useEffect, useMemo } from 'react';
import type { BoundaryFeatureRow } from '../../../shared/api/maps';
import { prefersReducedMotion } from '../../components/map/echarts';
import { registerTownMap, townGeoComponent } from '../../components/map/townGeo';
import { useEChart } from '../../components/map/useEChart';

/** One name for every preview: only one import dialog is open at a time, and registering again replaces it. */
const previewMapName = 'boundary-preview';

const matchedFill = '#d6e8fa';
const unmatchedFill = '#ffd591';

/**
 * The review step's small map: where the file's features lie once converted to WGS84 (a wrong datum shows as
 * the whole town shifted, a wrong file as a strange shape), matched features pale blue, unmatched orange.
 */
export function BoundaryPreviewMap({ features, height = 300 }: { features: readonly BoundaryFeatureRow[]; height?: number }) {
  const { ref, chart } = useEChart();
  const geo = useMemo(() => (features.length > 0 ? registerTownMap(previewMapName, features) : null), [features]);

  useEffect(() => {
    if (!chart || !geo) return;
    const base = townGeoComponent(geo, { roam: true, labels: true });
    chart.setOption(
      {
        animation: !prefersReducedMotion(),
        geo: {
          ...base,
          // Per-region fills: ECharts keys regions by the name registerTownMap gave them.
          regions: geo.regions.map((region) => ({
            name: region.name,
            itemStyle: { areaColor: region.villageId === null ? unmatchedFill : matchedFill },
          })),
        },
      },
      // Replace, not merge: a region that changed colour must not keep the previous style.
      { notMerge: true },
    );
  }, [chart, geo]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={`文件中 ${features.length} 个要素的位置示意图：浅蓝为已对应村（社区），橙色为未对应`}
      style={{ width: '100%', height, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff' }}
    />
  );
}
