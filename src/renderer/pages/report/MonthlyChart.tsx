import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import { useEffect, useMemo, type MutableRefObject } from 'react';
import type { Report, ReportChart } from '../../../shared/api/report';
import { chartPngDataUrl, picturePixelRatio, renderChartPicture, type EChartsOption } from '../../components/map/echarts';
import { useEChart } from '../../components/map/useEChart';
import { saveDataUrl } from '../maps/mapExport';

export const monthlyChartTitle = '隐患发现与整改情况（按月）';

/** Bars of hazards found and rectified in each month of the period; no animation (it is exported as a picture). */
export function monthlyChartOption(monthly: Report['monthly']): EChartsOption {
  return {
    animation: false,
    color: ['#d4380d', '#389e0d'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 4, data: ['发现隐患', '已整改'] },
    grid: { left: 48, right: 24, top: 44, bottom: 32 },
    xAxis: { type: 'category', data: monthly.map((row) => `${Number(row.month.slice(0, 4))}年${Number(row.month.slice(5, 7))}月`) },
    yAxis: { type: 'value', name: '条', minInterval: 1 },
    series: [
      { name: '发现隐患', type: 'bar', barMaxWidth: 36, data: monthly.map((row) => row.found), label: { show: true, position: 'top' } },
      { name: '已整改', type: 'bar', barMaxWidth: 36, data: monthly.map((row) => row.rectified), label: { show: true, position: 'top' } },
    ],
  };
}

/** The picture for Word and print, drawn about as wide as A4's text (16 cm): its 12 px labels print at ~8 pt. */
const pictureSize = { width: 640, height: 280 };

/** What the Word export and the print view take of the chart: the picture as drawn, without the title (captioned there). */
export type ChartPictureSource = MutableRefObject<(() => ReportChart | null) | null>;

/**
 * The monthly chart of a report with 导出图片 (a PNG carrying the title, scope and period, for the office's slides);
 * `pictureRef` is given a function that returns the chart as a picture for the document (null when not drawn).
 */
export function MonthlyChart({ report, pictureRef }: { report: Report; pictureRef?: ChartPictureSource }) {
  const { ref, chart } = useEChart();
  const option = useMemo(() => monthlyChartOption(report.monthly), [report.monthly]);
  useEffect(() => {
    chart?.setOption(option, true);
  }, [chart, option]);

  const empty = report.monthly.length === 0;
  useEffect(() => {
    if (!pictureRef) return undefined;
    pictureRef.current = () => {
      if (empty) return null;
      const url = renderChartPicture(option, pictureSize.width, pictureSize.height);
      return {
        title: monthlyChartTitle,
        pngBase64: url.slice(url.indexOf(',') + 1),
        width: pictureSize.width * picturePixelRatio,
        height: pictureSize.height * picturePixelRatio,
      };
    };
    return () => {
      pictureRef.current = null;
    };
  }, [empty, option, pictureRef]);

  function exportPicture() {
    if (!chart) return;
    const subtext = `${report.period.label}\u3000${report.scopeLabel}\u3000${report.unit}`;
    chart.setOption({ title: { show: true, text: monthlyChartTitle, subtext, left: 'center', top: 4 }, legend: { top: 52 }, grid: { top: 92 } });
    try {
      saveDataUrl(`${monthlyChartTitle}-${report.period.label}.png`, chartPngDataUrl(chart));
    } finally {
      chart.setOption(option, true);
    }
  }

  return (
    <Card
      size="small"
      title={monthlyChartTitle}
      extra={
        <Button size="small" icon={<DownloadOutlined />} disabled={!chart || empty} onClick={exportPicture}>
          导出图片
        </Button>
      }
    >
      {empty && <Empty description="本期没有按月统计的数据" />}
      <div ref={ref} className="report-chart" style={empty ? { display: 'none' } : undefined} aria-label={monthlyChartTitle} />
      {!empty && <div className="report-chart-note">发现隐患按发现日期、已整改按销号日期计入当月，故某月已整改可多于当月发现。</div>}
    </Card>
  );
}
