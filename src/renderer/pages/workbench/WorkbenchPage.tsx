import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import type { WorkbenchCharts } from '../../../shared/api/workbench';
import type { RiskLevel } from '../../../shared/domain/enterprise';
import { useApiQuery } from '../../api/useApi';
import { useStatus } from '../../app/StatusContext';
import type { MapCaption } from '../maps/mapExport';
import { AttentionCards } from './AttentionCards';
import { ChartCard } from './ChartCard';
import { enterprisesByRiskOption, filingsByKindOption, hasData, hazardsByMonthOption, tanksOption, villageRatesOption } from './chartOptions';
import { KeyFigures } from './KeyFigures';
import { TodayPanel } from './TodayPanel';
import './workbench.css';

const weekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** The five charts, each with its option builders bound to the summary's data (stable while the data is). */
function Charts({ charts, year, unit }: { charts: WorkbenchCharts; year: number; unit: string }) {
  const navigate = useNavigate();
  const hazards = useCallback((caption?: MapCaption) => hazardsByMonthOption(charts.hazardsByMonth, caption), [charts]);
  const risk = useCallback((caption?: MapCaption) => enterprisesByRiskOption(charts.enterprisesByRisk, caption), [charts]);
  const tanks = useCallback((caption?: MapCaption) => tanksOption(charts.tanks, caption), [charts]);
  const filings = useCallback((caption?: MapCaption) => filingsByKindOption(charts.filingsByKindByMonth, caption), [charts]);
  const villages = useCallback((caption?: MapCaption) => villageRatesOption(charts.villageRates, caption), [charts]);
  // A slice of the risk chart opens the enterprise list of that colour.
  const openRisk = useCallback((data: unknown) => {
    const level = (data as { level?: RiskLevel } | undefined)?.level;
    if (level) navigate(`/enterprises?riskLevel=${level}`);
  }, [navigate]);
  const villageHeight = Math.max(300, Math.min(420, 220 + charts.villageRates.length * 4));

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={16}>
        <ChartCard testId="chart-hazards" title={`${year}年隐患排查整改情况`} unit={unit} option={hazards} hasData={hasData.hazardsByMonth(charts.hazardsByMonth)} note="按发现月份统计；已整改指截至今日已销号的隐患" />
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard testId="chart-risk" title="企业安全风险等级分布" unit={unit} option={risk} hasData={hasData.enterprisesByRisk(charts.enterprisesByRisk)} onItemClick={openRisk} note="点击色块查看该等级企业" />
      </Col>
      <Col xs={24} xl={14}>
        <ChartCard testId="chart-filings" title={`${year}年特殊作业报备情况`} unit={unit} option={filings} hasData={hasData.filingsByKind(charts.filingsByKindByMonth)} note="单位：件；按计划开始月份、作业类型统计" />
      </Col>
      <Col xs={24} xl={10}>
        <ChartCard
          testId="chart-tanks"
          title="储罐类别与状态"
          unit={unit}
          option={tanks}
          hasData={hasData.tanks(charts.tanks)}
          note={`截至今日在册储罐${charts.tanks.removed ? `，另有已拆除 ${charts.tanks.removed} 个未计入` : ''}`}
        />
      </Col>
      <Col span={24}>
        <ChartCard
          testId="chart-villages"
          title={`${year}年各村（社区）隐患整改率`}
          unit={unit}
          option={villages}
          hasData={hasData.villageRates(charts.villageRates)}
          height={villageHeight}
          note="按本年发现的隐患统计，整改率由低到高排列；红色低于 60%，橙色低于 90%"
        />
      </Col>
    </Row>
  );
}

/**
 * 工作台, the home page: what needs attention today (each count opens its filtered list), this month's and this
 * year's key figures, and the year's charts. One `workbench.summary` call feeds it all.
 */
export function WorkbenchPage() {
  const summary = useApiQuery('workbench.summary', {});
  const { status } = useStatus();
  const data = summary.data;
  const today = data ? dayjs(data.today) : dayjs();

  return (
    <div className="workbench" data-testid="workbench">
      <div className="workbench-header">
        <div>
          <Typography.Title level={4} className="workbench-title">
            工作台
          </Typography.Title>
          <Typography.Text type="secondary">
            {status.orgName ?? ''}
            <span className="workbench-date">{today.format('YYYY年M月D日')} {weekdays[today.day()]}</span>
          </Typography.Text>
        </div>
        <Button icon={<ReloadOutlined />} onClick={summary.reload} loading={summary.loading && !!data}>
          刷新
        </Button>
      </div>
      {summary.error && <Alert type="error" showIcon title="工作台数据读取失败" description={summary.error.message} />}
      {!data ? (
        !summary.error && <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <AttentionCards summary={data} />
          <Row gutter={[12, 12]} className="workbench-section">
            <Col xs={24} xl={15}>
              <div className="workbench-figures-pair">
                <KeyFigures title={`本月（${today.month() + 1}月）`} period="month" data={data.month} />
                <KeyFigures title={`本年（${data.year}年）`} period="year" data={data.yearToDate} />
              </div>
            </Col>
            <Col xs={24} xl={9}>
              <TodayPanel summary={data} />
            </Col>
          </Row>
          <div className="workbench-section">
            <Charts charts={data.charts} year={data.year} unit={status.orgName ?? ''} />
          </div>
        </>
      )}
    </div>
  );
}
