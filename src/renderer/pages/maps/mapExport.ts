import dayjs from 'dayjs';
import { chartPngDataUrl, type ECharts } from '../../components/map/echarts';

/** The caption a map carries on paper and in an exported picture. */
export interface MapCaption {
  title: string;
  /** 填报单位 */
  unit: string;
  /** YYYY-MM-DD */
  date: string;
}

export function captionSubtext(caption: MapCaption): string {
  return `填报单位：${caption.unit || '（未设置单位名称）'}\u3000\u3000制图日期：${caption.date}`;
}

/**
 * The current view (zoom, pan, layers, legend) as a PNG data URL, with the title, 填报单位 and date drawn on it
 * for the moment of export so the picture stands on its own in a report. Twice the screen's pixels, white ground.
 */
export function mapPngDataUrl(chart: ECharts, caption: MapCaption): string {
  chart.setOption({ title: { show: true, text: caption.title, subtext: captionSubtext(caption), left: 'center', top: 8, textStyle: { fontSize: 18 }, subtextStyle: { fontSize: 12, color: '#555' } } });
  try {
    return chartPngDataUrl(chart);
  } finally {
    chart.setOption({ title: { show: false } });
  }
}

/** `安全风险空间分布图-20261202.png` */
export function mapFileName(title: string, date = dayjs().format('YYYY-MM-DD')): string {
  return `${title}-${date.replaceAll('-', '')}.png`;
}

/** Saves a data URL through the browser's (or Electron's) download. */
export function saveDataUrl(fileName: string, dataUrl: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
