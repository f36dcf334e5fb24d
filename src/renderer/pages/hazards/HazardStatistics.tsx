import { Alert, Card, Col, DatePicker, Row, Segmented, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { industries } from '../../../shared/domain/enterprise';
import { useApiQuery } from '../../api/useApi';
import { ChoiceFilter, VillageFilter } from '../../components/ListFilters';
import { isoDate, oneOf, positiveInt } from '../../components/listQuery';

const periods = [
  { value: 'month', label: '本月' },
  { value: 'quarter', label: '本季度' },
  { value: 'year', label: '本年' },
  { value: 'custom', label: '自定义' },
] as const;
type Period = (typeof periods)[number]['value'];

/** A period from its start to today (figures after today would be empty anyway). */
function periodRange(period: Exclude<Period, 'custom'>, today: Dayjs): { from: string; to: string } {
  const start = period === 'month' ? today.startOf('month') : period === 'year' ? today.startOf('year') : today.month(Math.floor(today.month() / 3) * 3).startOf('month');
  return { from: start.format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}

/** 统计: the seeds' sentence for a period and filters, and its figures; each count links to the hazards behind it. */
export function HazardStatistics() {
  const [params, setParams] = useSearchParams();
  const today = dayjs();
  const period: Period = oneOf(['month', 'quarter', 'year', 'custom'] as const, params.get('period')) ?? 'year';
  const custom = { from: isoDate(params.get('from')), to: isoDate(params.get('to')) };
  const range = period === 'custom' ? (custom.from && custom.to ? { from: custom.from, to: custom.to } : null) : periodRange(period, today);
  const villageId = positiveInt(params.get('villageId'));
  const industry = oneOf(industries, params.get('industry'));
  const stats = useApiQuery('hazards.statistics', range ? { ...range, villageId, industry } : null);

  function update(patch: Record<string, string | number | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  }

  const data = stats.data;
  // The hazard list with the same period and filters (its 发现日期 range is the statistics' period).
  const hazardsLink = (extra: Record<string, string> = {}) => {
    const query = new URLSearchParams({ ...(range ?? {}), ...(villageId ? { villageId: String(villageId) } : {}), ...(industry ? { industry } : {}), ...extra });
    return `/hazards?${query.toString()}`;
  };
  const figure = (title: string, value: number | string | undefined, suffix: string, options: { link?: string; danger?: boolean } = {}): ReactNode => (
    <Card size="small" className="hazard-stat-card">
      <Statistic title={options.link ? <Link to={options.link}>{title}</Link> : title} value={value ?? '–'} suffix={suffix} styles={{ content: options.danger && value ? { color: '#cf1322' } : undefined }} />
    </Card>
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="page-toolbar">
        <Segmented
          aria-label="统计期间"
          value={period}
          options={periods.map((item) => ({ value: item.value, label: item.label }))}
          onChange={(value) => {
            // Turning to 自定义 starts from the period shown, so the figures stay until another range is picked.
            if (value === 'custom' && range) update({ period: value, from: range.from, to: range.to });
            else update({ period: value === 'year' ? undefined : value, from: undefined, to: undefined });
          }}
        />
        {period === 'custom' && (
          <DatePicker.RangePicker
            aria-label="统计期间"
            allowClear={false}
            value={range ? [dayjs(range.from), dayjs(range.to)] : null}
            onChange={(picked) => picked?.[0] && picked[1] && update({ from: picked[0].format('YYYY-MM-DD'), to: picked[1].format('YYYY-MM-DD') })}
          />
        )}
        <VillageFilter label="所属村/社区" width={150} value={villageId} onChange={(value) => update({ villageId: value })} />
        <ChoiceFilter label="行业领域" placeholder="全部行业" width={160} values={industries} value={industry} onChange={(value) => update({ industry: value })} />
      </div>
      {!range && <Alert type="info" showIcon title="请选择统计的起止日期" />}
      {stats.error && <Alert type="error" showIcon title={stats.error.message} />}
      {range && (
        <Card size="small" title={`统计期间：${range.from} 至 ${range.to}`} loading={stats.loading && !data}>
          {data && (
            <Typography.Paragraph className="hazard-stat-sentence" copyable={{ text: data.sentence, tooltips: ['复制这段话', '已复制'] }}>
              {data.sentence}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">
            “已整改”指期间内查出、至今已复查销号的隐患；“逾期未整改”指期间内查出、至今未销号且已过整改期限的隐患。{industry ? '按行业统计时只计企业，不含四闲场所。' : ''}
          </Typography.Text>
        </Card>
      )}
      {range && (
        <Row gutter={[12, 12]}>
          <Col xs={12} md={8} xl={4}>
            {figure('检查企业（家次）', data?.inspections, '家次')}
          </Col>
          <Col xs={12} md={8} xl={4}>
            {figure('检查企业（家）', data?.enterprisesChecked, '家')}
          </Col>
          <Col xs={12} md={8} xl={4}>
            {figure('检查“四闲”场所', data?.idleSitesChecked, '处')}
          </Col>
          <Col xs={12} md={8} xl={4}>
            {figure('下达整改指令书', data?.orders, '份')}
          </Col>
          <Col xs={12} md={8} xl={4}>
            {figure('查出问题隐患', data?.found, '条', { link: hazardsLink() })}
          </Col>
          <Col xs={12} md={8} xl={4}>
            {figure('已整改（销号）', data?.rectified, '条', { link: hazardsLink({ status: '已销号' }) })}
          </Col>
          <Col xs={12} md={8} xl={4}>
            {figure('整改率', data ? (data.rate === null ? '—' : data.rate) : undefined, data?.rate === null ? '' : '%')}
          </Col>
          <Col xs={12} md={8} xl={4}>
            {figure('重大隐患', data?.majorFound, '条', { link: hazardsLink({ level: '重大' }) })}
          </Col>
          <Col xs={12} md={8} xl={4}>
            {figure('重大隐患已销号', data?.majorClosed, '条', { link: hazardsLink({ level: '重大', status: '已销号' }) })}
          </Col>
          <Col xs={12} md={8} xl={4}>
            {figure('逾期未整改', data?.overdue, '条', { link: hazardsLink({ overdue: 'true' }), danger: true })}
          </Col>
        </Row>
      )}
    </Space>
  );
}
