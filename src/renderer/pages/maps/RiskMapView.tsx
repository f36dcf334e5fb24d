import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { VillageRiskRow } from '../../../shared/api/maps';
import { riskLevelLabels, type RiskLevel } from '../../../shared/domain/enterprise';
import { villageRiskFactors, villageRiskRuleText } from '../../../shared/domain/geo/villageRisk';
import { useApiQuery } from '../../api/useApi';
import { useStatus } from '../../app/StatusContext';
import { prefersReducedMotion } from '../../components/map/echarts';
import type { TownGeo } from '../../components/map/townGeo';
import { useEChart } from '../../components/map/useEChart';
import { riskTagColors } from '../enterprises/display';
import { mapFileName, mapPngDataUrl, saveDataUrl } from './mapExport';
import { riskMapOption } from './mapOptions';
import { mapPrintQuery } from './mapPrintQuery';
import { useMapReady } from './mapProbe';

export const riskMapTitle = '安全风险空间分布图';

/** Where each enterprise count of the table leads: the enterprise list filtered to the village and colour. */
const enterpriseColumnLevel: Partial<Record<string, RiskLevel>> = {
  redEnterprises: 'red',
  orangeEnterprises: 'orange',
  yellowEnterprises: 'yellow',
  blueEnterprises: 'blue',
};

function countColumns(): TableColumnsType<VillageRiskRow> {
  return villageRiskFactors.map((factor) => ({
    key: factor.key,
    dataIndex: factor.key,
    title: (
      <span>
        {factor.label}
        <br />
        <small>×{factor.weight}</small>
      </span>
    ),
    align: 'right' as const,
    width: 96,
    sorter: (a: VillageRiskRow, b: VillageRiskRow) => a[factor.key] - b[factor.key],
    render: (value: number, row: VillageRiskRow) => {
      const level = enterpriseColumnLevel[factor.key];
      return level && value > 0 ? <Link to={`/enterprises?villageId=${row.villageId}&riskLevel=${level}`}>{value}</Link> : value;
    },
  }));
}

/** 安全风险空间分布图: villages shaded 红橙黄蓝 by a score the table beside it spells out. */
export function RiskMapView({ geo }: { geo: TownGeo }) {
  const risk = useApiQuery('maps.villageRisk', {});
  const { status } = useStatus();
  const navigate = useNavigate();
  const { ref, chart } = useEChart();
  const markDrawn = useMapReady(chart, ref);
  const option = useMemo(() => (risk.data ? riskMapOption(geo, risk.data.rows, { roam: true, animation: !prefersReducedMotion() }) : null), [geo, risk.data]);

  useEffect(() => {
    if (!chart || !option) return;
    markDrawn();
    chart.setOption(option, { replaceMerge: ['series', 'geo'] });
  }, [chart, option, markDrawn]);

  const columns: TableColumnsType<VillageRiskRow> = [
    { key: 'villageName', dataIndex: 'villageName', title: '村/社区', fixed: 'left', width: 110, render: (name: string, row) => (row.onMap ? name : `${name}（无边界）`) },
    ...countColumns(),
    { key: 'score', dataIndex: 'score', title: '风险分值', align: 'right', width: 90, defaultSortOrder: 'descend', sorter: (a, b) => a.score - b.score, render: (score: number) => <strong>{score}</strong> },
    {
      key: 'level',
      dataIndex: 'level',
      title: '等级',
      width: 130,
      render: (level: RiskLevel) => (
        <Tag color={riskTagColors[level]} variant="solid">
          {riskLevelLabels[level]}
        </Tag>
      ),
    },
  ];

  function exportPng() {
    if (!chart) return;
    const date = new Date().toLocaleDateString('sv-SE');
    saveDataUrl(mapFileName(riskMapTitle, date), mapPngDataUrl(chart, { title: riskMapTitle, unit: status.orgName ?? '', date }));
  }

  return (
    <div className="map-view">
      <div className="map-toolbar">
        <Alert type="info" showIcon className="map-rule" title="风险分值的计算方法" description={villageRiskRuleText()} />
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={risk.reload} loading={risk.loading}>
            刷新
          </Button>
          <Button icon={<DownloadOutlined />} onClick={exportPng} disabled={!chart || !option}>
            导出图片
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/map?${mapPrintQuery({ kind: 'risk', layers: [], filters: {}, viewport: {} })}`)} disabled={!option}>
            打印
          </Button>
        </Space>
      </div>
      {risk.error && <Alert type="error" showIcon title={`风险数据加载失败：${risk.error.message}`} />}
      <div className="map-body">
        <div ref={ref} className="map-canvas map-canvas-risk" data-testid="risk-map" />
      </div>
      <Table<VillageRiskRow>
        className="map-risk-table"
        size="small"
        rowKey="villageId"
        loading={risk.loading}
        columns={columns}
        dataSource={risk.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({
          onMouseEnter: () => chart?.dispatchAction({ type: 'highlight', geoIndex: 0, name: row.villageName }),
          onMouseLeave: () => chart?.dispatchAction({ type: 'downplay', geoIndex: 0, name: row.villageName }),
        })}
      />
    </div>
  );
}
