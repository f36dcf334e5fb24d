import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import { riskLevelLabels } from '../../shared/domain/enterprise';
import { villageRiskRuleText } from '../../shared/domain/geo/villageRisk';
import { useApiQuery } from '../api/useApi';
import { echarts, type EChartsOption } from '../components/map/echarts';
import type { TownGeo } from '../components/map/townGeo';
import { useTownGeo } from '../components/map/useTownGeo';
import { mapLayerLabels, type MapFilters } from '../pages/maps/layerSeries';
import { captionSubtext } from '../pages/maps/mapExport';
import { riskMapOption, townMapOption } from '../pages/maps/mapOptions';
import { readMapPrintQuery, type MapPrintRequest } from '../pages/maps/mapPrintQuery';
import { riskMapTitle } from '../pages/maps/RiskMapView';
import { townMapTitle } from '../pages/maps/TownMapView';
import { DocumentFailure, DocumentLoading, DocumentToolbar } from './DocumentToolbar';
import { markPrintState } from './printReady';
import './print.css';

const fallback = '/maps';

/** `/print/map?kind=town|risk&…`: the map as it was on screen, on one A4 landscape sheet with its caption. */
export function MapPrintView() {
  const location = useLocation();
  const request = useMemo(() => readMapPrintQuery(new URLSearchParams(location.search)), [location.search]);
  const town = useTownGeo();
  const status = useApiQuery('system.status', {});
  const villages = useApiQuery('villages.options', {});
  if (town.error) return <DocumentFailure title="无法生成打印页面" message={town.error} fallback={fallback} />;
  if (!town.boundary || !status.data || !villages.data) return <DocumentLoading tip="正在准备地图…" fallback={fallback} />;
  if (!town.geo) return <DocumentFailure title="无法生成打印页面" message="尚未导入村界，无法打印地图。" fallback={fallback} />;
  const villageName = villages.data.find((village) => village.id === request.filters.villageId)?.name;
  return <MapSheet request={request} geo={town.geo} unit={status.data.orgName ?? ''} villageName={villageName} />;
}

/** The filters in words, for the caption (a printed map must say what it leaves out). */
function filterText(request: MapPrintRequest, villageName: string | undefined): string {
  if (request.kind === 'risk') return '';
  const filters: MapFilters = request.filters;
  const parts = [
    `图层：${request.layers.map((layer) => mapLayerLabels[layer]).join('、') || '无'}`,
    villageName ? `村/社区：${villageName}` : '',
    filters.industry ? `行业：${filters.industry}` : '',
    filters.riskLevel ? `风险等级：${riskLevelLabels[filters.riskLevel]}` : '',
    filters.status ? `企业状态：${filters.status}` : '',
  ];
  return parts.filter(Boolean).join('　');
}

function MapSheet({ request, geo, unit, villageName }: { request: MapPrintRequest; geo: TownGeo; unit: string; villageName: string | undefined }) {
  const layers = useApiQuery('maps.layers', request.kind === 'town' ? {} : null);
  const risk = useApiQuery('maps.villageRisk', request.kind === 'risk' ? {} : null);
  const title = request.kind === 'risk' ? riskMapTitle : townMapTitle;
  const date = new Date().toLocaleDateString('sv-SE');
  const location = useLocation();
  const option = useMemo(() => {
    const view = { roam: false, viewport: request.viewport, animation: false };
    if (request.kind === 'risk') return risk.data ? riskMapOption(geo, risk.data.rows, view) : null;
    return layers.data ? townMapOption(geo, layers.data, request.layers, request.filters, view).option : null;
  }, [geo, request, layers.data, risk.data]);

  const error = layers.error ?? risk.error;
  if (error) return <DocumentFailure title="无法生成打印页面" message={error.message} fallback={fallback} />;
  return (
    <div className="print-screen">
      <DocumentToolbar
        fallback={fallback}
        document={option ? { route: location.pathname + location.search, fileName: `${title}-${date.replaceAll('-', '')}.pdf`, hint: title, landscape: true } : undefined}
      />
      <style>{'@page { size: A4 landscape; margin: 10mm; }'}</style>
      <div className="print-sheet map-print-sheet">
        <h1 className="map-print-title">{title}</h1>
        <div className="map-print-caption">{captionSubtext({ title, unit, date })}</div>
        {filterText(request, villageName) && <div className="map-print-filters">{filterText(request, villageName)}</div>}
        {option ? <MapCanvas option={option} /> : <div className="map-print-canvas" />}
        {request.kind === 'risk' && <div className="map-print-note">{villageRiskRuleText()}</div>}
      </div>
    </div>
  );
}

/**
 * The chart at print resolution (three device pixels per CSS pixel, so the PDF is sharp), with no animation;
 * the view is marked ready for printing once ECharts reports it has finished drawing.
 */
function MapCanvas({ option }: { option: EChartsOption }) {
  useEffect(() => {
    const element = document.getElementById('map-print-canvas');
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'canvas', devicePixelRatio: 3 });
    let live = true;
    chart.on('finished', () => {
      void document.fonts.ready.then(() => {
        if (live) markPrintState('1');
      });
    });
    chart.setOption(option);
    return () => {
      live = false;
      markPrintState(null);
      chart.dispose();
    };
  }, [option]);
  return <div id="map-print-canvas" className="map-print-canvas" />;
}
