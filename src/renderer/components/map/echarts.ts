/**
 * The one ECharts build the app uses: only the parts the maps and charts need, so the bundle stays small and
 * nothing reaches for the network (ECharts ships no tiles; the town's polygons come from the backend).
 */
import { BarChart, LineChart, MapChart, PieChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, MapChart, PieChart, ScatterChart, GeoComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };
export type ECharts = echarts.ECharts;
export type EChartsOption = echarts.EChartsCoreOption;

/** Whether the user asked for less motion (the app then draws without animation, as it does for antd). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

/** Pixels of an exported picture per CSS pixel: twice the screen's, sharp when printed. */
export const picturePixelRatio = 2;

/** A chart as it is drawn now, as a PNG data URL on white: what every exported picture and document takes. */
export function chartPngDataUrl(chart: ECharts): string {
  return chart.getDataURL({ type: 'png', pixelRatio: picturePixelRatio, backgroundColor: '#ffffff' });
}

/**
 * Draws `option` off screen at `width` × `height` CSS pixels and returns it as a PNG data URL (white background).
 * A picture for a document is drawn at a page's width, not the window's: labels then stay legible on A4.
 */
export function renderChartPicture(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(document.createElement('div'), undefined, { renderer: 'canvas', width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chartPngDataUrl(chart);
  } finally {
    chart.dispose();
  }
}
