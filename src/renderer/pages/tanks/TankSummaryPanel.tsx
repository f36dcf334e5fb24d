import { DatePicker, Popover, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { TankFilters, TankSummary } from '../../../shared/api/tanks';
import { tankCategories, tankStatuses, type TankStatus } from '../../../shared/domain/tank';
import { useApiQuery } from '../../api/useApi';
import { categoryShortLabels } from './display';

interface TankSummaryPanelProps {
  /** The list's filters: the panel counts the same tanks the table shows. */
  filters: TankFilters;
  /** Bumped by the list after a change, so the counts follow. */
  version: number;
  /** Clicking a count narrows the list to those tanks (and clicking it again widens it). */
  onFilter: (patch: Partial<TankFilters>) => void;
}

/**
 * 储罐摸排情况 as the office reports it: the seed's sentence (危险化学品企业储罐N个,一般化工企业储罐N个,四闲场所储罐N个)
 * as of a chosen date, then the counts by status and the tanks still missing 公开标识 or 专人盯靠. A tank 已拆除
 * by that date is counted apart; one registered after it is not counted.
 */
export function TankSummaryPanel({ filters, version, onFilter }: TankSummaryPanelProps) {
  const [asOf, setAsOf] = useState(() => dayjs().format('YYYY-MM-DD'));
  const summary = useApiQuery('tanks.summary', { ...filters, asOf });
  const { reload } = summary;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const data = summary.data;
  const count = (value: number | undefined) => (value === undefined ? '–' : value);

  return (
    <section className="tank-summary" aria-label="储罐统计">
      <div className="tank-summary-head">
        <Typography.Text type="secondary">统计截至</Typography.Text>
        <DatePicker
          aria-label="统计日期"
          size="small"
          allowClear={false}
          value={dayjs(asOf)}
          onChange={(value) => value && setAsOf(value.format('YYYY-MM-DD'))}
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
        />
        <span className="spacer" />
        {data && data.byVillage.length > 0 && (
          <Popover trigger="click" placement="bottomRight" title="按村/社区" content={<ByVillage summary={data} />}>
            <Typography.Link>按村/社区查看</Typography.Link>
          </Popover>
        )}
      </div>
      <Typography.Paragraph className="tank-summary-sentence" copyable={data ? { text: data.sentence, tooltips: ['复制', '已复制'] } : false}>
        {summary.error && !data ? summary.error.message : (data?.sentence ?? '正在统计…')}
      </Typography.Paragraph>
      <div className="tank-summary-counts">
        <span>
          合计 <strong>{count(data?.total)}</strong> 个
        </span>
        <span className="tank-summary-divider" />
        {tankStatuses
          .filter((status) => status !== '已拆除')
          .map((status) => (
            <CountTag
              key={status}
              label={status}
              value={data?.byStatus[status]}
              active={filters.status === status}
              title={`只看“${status}”的储罐`}
              onToggle={() => onFilter({ status: filters.status === status ? undefined : (status as TankStatus) })}
            />
          ))}
        <span className="tank-summary-divider" />
        <CountTag
          label="未公开标识"
          suffix="个"
          color="warning"
          value={data?.unlabelled}
          active={filters.publicLabel === false}
          title="只看未公开标识的储罐"
          onToggle={() => onFilter({ publicLabel: filters.publicLabel === false ? undefined : false })}
        />
        <CountTag
          label="无专人盯靠"
          suffix="个"
          color="error"
          value={data?.noResponsible}
          active={filters.hasResponsible === false}
          title="只看没有盯靠责任人的储罐"
          onToggle={() => onFilter({ hasResponsible: filters.hasResponsible === false ? undefined : false })}
        />
        <CountTag
          label="已拆除"
          suffix="个"
          value={data?.removed}
          active={filters.status === '已拆除'}
          title="只看已拆除的储罐（不计入上面的统计）"
          onToggle={() => onFilter({ status: filters.status === '已拆除' ? undefined : '已拆除' })}
        />
      </div>
    </section>
  );
}

function CountTag(props: {
  label: string;
  value: number | undefined;
  suffix?: string;
  color?: string;
  active: boolean;
  title: string;
  onToggle: () => void;
}): ReactNode {
  const { label, value, suffix, color, active, title, onToggle } = props;
  function onKeyDown(event: ReactKeyboardEvent) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onToggle();
    }
  }
  return (
    <Tag
      role="button"
      tabIndex={0}
      aria-pressed={active}
      // A warning colour only where there is something to warn about.
      color={value ? color : undefined}
      variant={active ? 'solid' : 'outlined'}
      className="count-tag"
      onClick={onToggle}
      onKeyDown={onKeyDown}
      title={active ? '再次点击取消筛选' : title}
    >
      {label}
      <span className="count-tag-value">{value ?? '–'}</span>
      {suffix && <span className="count-tag-suffix">{suffix}</span>}
    </Tag>
  );
}

function ByVillage({ summary }: { summary: TankSummary }) {
  return (
    <Table
      size="small"
      rowKey="villageId"
      pagination={false}
      scroll={{ y: 320 }}
      dataSource={summary.byVillage}
      columns={[
        { title: '村/社区', dataIndex: 'villageName', width: 110 },
        ...tankCategories.map((category) => ({
          title: categoryShortLabels[category],
          key: category,
          width: 96,
          align: 'right' as const,
          render: (_: unknown, row: TankSummary['byVillage'][number]) => row.byCategory[category],
        })),
        { title: '合计', dataIndex: 'total', width: 60, align: 'right' as const },
      ]}
    />
  );
}
