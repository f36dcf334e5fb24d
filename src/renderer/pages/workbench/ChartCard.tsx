import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import dayjs from 'dayjs';
import { useEffect, type ReactNode } from 'react';
import { chartPngDataUrl, type EChartsOption } from '../../components/map/echarts';
import { useEChart } from '../../components/map/useEChart';
import { mapFileName, saveDataUrl, type MapCaption } from '../maps/mapExport';

export interface ChartCardProps {
  /** The card's title, and the exported picture's title and file name. */
  title: string;
  /** 填报单位 printed on the exported picture. */
  unit: string;
  /** The option for the screen (no caption) or for the picture (with it). */
  option: (caption?: MapCaption) => EChartsOption;
  /** False draws 暂无数据 instead of an empty plot (and offers no export). */
  hasData: boolean;
  height?: number;
  /** A line under the chart (what is counted, what is left out). */
  note?: ReactNode;
  /** A click on a bar or slice, with the series item's data. */
  onItemClick?: (data: unknown) => void;
  testId: string;
}

/**
 * One chart of the workbench: an ECharts canvas in a card with 导出图片. The export redraws the chart with its
 * caption, reads it as a PNG at twice the pixels on white, and draws the screen version back (no animation, so
 * the read sees the final picture and the user sees no flicker worth noticing).
 */
export function ChartCard({ title, unit, option, hasData, height = 300, note, onItemClick, testId }: ChartCardProps) {
  const { ref, chart } = useEChart();

  useEffect(() => {
    if (!chart || !hasData) return;
    chart.setOption(option(), { notMerge: true });
    chart.getDom().setAttribute('data-chart-ready', '1');
  }, [chart, hasData, option]);

  useEffect(() => {
    if (!chart || !onItemClick) return undefined;
    const handler = (params: { data?: unknown }) => onItemClick(params.data);
    chart.on('click', handler);
    return () => {
      chart.off('click', handler);
    };
  }, [chart, onItemClick]);

  function exportPng() {
    if (!chart) return;
    const date = dayjs().format('YYYY-MM-DD');
    chart.setOption(option({ title, unit, date }), { notMerge: true });
    try {
      saveDataUrl(mapFileName(title, date), chartPngDataUrl(chart));
    } finally {
      chart.setOption(option(), { notMerge: true });
    }
  }

  return (
    <Card
      size="small"
      className="workbench-chart"
      title={title}
      data-testid={testId}
      extra={
        <Button size="small" type="text" icon={<DownloadOutlined />} disabled={!hasData || !chart} onClick={exportPng}>
          导出图片
        </Button>
      }
    >
      <div className="workbench-chart-body" style={{ height }}>
        {/* The canvas stays mounted (the instance lives with it); an empty chart is covered, not removed. */}
        <div ref={ref} className="workbench-chart-canvas" />
        {!hasData && <Empty className="workbench-chart-empty" image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />}
      </div>
      {note && <div className="workbench-chart-note">{note}</div>}
    </Card>
  );
}
