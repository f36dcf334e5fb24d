import { CopyOutlined } from '@ant-design/icons';
import { Card, Statistic, Typography } from 'antd';
import type { IdleSiteSummary } from '../../../shared/api/idleSites';
import type { IdleSiteDisposal } from '../../../shared/domain/idleSite';
import { useApiQuery } from '../../api/useApi';

interface SummaryCardProps {
  villageId?: number;
  from?: string;
  to?: string;
}

const disposalUnits: [IdleSiteDisposal, string][] = [
  ['停业整顿', '起'],
  ['取缔', '处'],
  ['清理完毕', '处'],
  ['关闭', '处'],
  ['贴封条', '处'],
  ['待处置', '起'],
];

/**
 * 排查整治情况: the counts for the list's village and 排查日期 period, and the sentence staff paste into their
 * reports (a copy button beside it, so nobody retypes the numbers).
 */
export function IdleSiteSummaryCard({ villageId, from, to }: SummaryCardProps) {
  const summary = useApiQuery('idleSites.summary', { villageId, from, to });
  const data: IdleSiteSummary | undefined = summary.data;
  return (
    <Card
      size="small"
      className="idle-site-summary"
      title="排查整治情况"
      // The list's other filters (type, finding, disposal, search) narrow the rows, not these report figures.
      extra={<Typography.Text type="secondary">按所选村/社区和排查日期统计</Typography.Text>}
    >
      <div className="idle-site-summary-stats">
        <Statistic title="排查场所" value={data?.total ?? '–'} suffix="处" />
        <Statistic title="发现非法违法" value={data?.illegal ?? '–'} suffix="起" styles={{ content: { color: data?.illegal ? '#cf1322' : undefined } }} />
        {/* The violations by disposal (they add up to the figure before), then measures counted over all sites. */}
        <div className="idle-site-summary-group" role="group" aria-label="其中处置情况">
          <span className="idle-site-summary-group-label">其中</span>
          {disposalUnits.map(([disposal, unit]) => (
            <Statistic key={disposal} title={disposal} value={data?.byDisposal[disposal] ?? '–'} suffix={unit} />
          ))}
        </div>
        <Statistic title="共贴封条" value={data?.sealed ?? '–'} suffix="处" />
        <Statistic title="抽样化验" value={data?.sampled ?? '–'} suffix="处" />
      </div>
      <Typography.Paragraph
        className="idle-site-summary-sentence"
        data-testid="idle-site-summary-sentence"
        copyable={data ? { text: data.sentence, icon: <CopyOutlined />, tooltips: ['复制这段话', '已复制'] } : false}
        style={{ marginBottom: 0 }}
      >
        {summary.error ? summary.error.message : (data?.sentence ?? '正在统计…')}
      </Typography.Paragraph>
    </Card>
  );
}
