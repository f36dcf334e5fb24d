import { Button, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import type { Reminder } from '../../../shared/api/plans';
import { planOwnerTypeLabels, planOwnerTypes, reminderKindLabels, reminderKinds, type PlanOwnerType, type ReminderKind } from '../../../shared/domain/emergencyPlan';
import { useApiQuery } from '../../api/useApi';
import { ChoiceFilter, VillageFilter } from '../../components/ListFilters';
import { OwnerName } from './display';

const columns: ColumnsType<Reminder> = [
  {
    title: '到期情况',
    key: 'state',
    width: 130,
    render: (_value, row) =>
      row.state === 'overdue' ? <Tag color="red">已逾期 {-row.daysLeft} 天</Tag> : <Tag color="orange">{row.daysLeft === 0 ? '今天到期' : `还有 ${row.daysLeft} 天`}</Tag>,
  },
  { title: '事项', key: 'kind', width: 90, render: (_value, row) => reminderKindLabels[row.kind] },
  { title: '到期日', key: 'dueOn', width: 110, render: (_value, row) => `${row.dueOn}${row.approximate ? '*' : ''}` },
  {
    title: '单位',
    key: 'owner',
    width: 220,
    render: (_value, row) => <OwnerName owner={row} link="plans" />,
  },
  { title: '预案', key: 'plan', width: 240, render: (_value, row) => <Link to={`/plans/${row.planId}`}>{row.planName}</Link> },
  { title: '说明', dataIndex: 'detail', key: 'detail', width: 480 },
];

const windows = [
  { value: 7, label: '7 天内' },
  { value: 30, label: '30 天内' },
  { value: 60, label: '60 天内' },
  { value: 90, label: '90 天内' },
];

/**
 * 到期提醒: what is overdue, or due within the chosen days — filings (units and the office's own check),
 * evaluations and drills — by owner. Overdue items always show, earliest first.
 */
export function ReminderList({ enterpriseId, compact = false }: { enterpriseId?: number; compact?: boolean }) {
  const [days, setDays] = useState(30);
  const [kind, setKind] = useState<ReminderKind>();
  const [ownerType, setOwnerType] = useState<PlanOwnerType>();
  const [villageId, setVillageId] = useState<number>();
  const reminders = useApiQuery('plans.reminders', { days, kind, ownerType, villageId, enterpriseId });
  const items = reminders.data?.items ?? [];
  const overdue = items.filter((item) => item.state === 'overdue').length;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div className="page-toolbar">
        <Segmented aria-label="提前天数" value={days} options={windows} onChange={(value) => setDays(Number(value))} />
        <ChoiceFilter
          label="事项"
          placeholder="全部事项"
          width={120}
          values={reminderKinds.map((value) => reminderKindLabels[value])}
          value={kind ? reminderKindLabels[kind] : undefined}
          onChange={(label) => setKind(reminderKinds.find((value) => reminderKindLabels[value] === label))}
        />
        {!compact && (
          <>
            <ChoiceFilter
              label="单位类型"
              placeholder="全部单位类型"
              width={140}
              values={planOwnerTypes.map((value) => planOwnerTypeLabels[value])}
              value={ownerType ? planOwnerTypeLabels[ownerType] : undefined}
              onChange={(label) => setOwnerType(planOwnerTypes.find((value) => planOwnerTypeLabels[value] === label))}
            />
            <VillageFilter label="所属村/社区" width={140} value={villageId} onChange={setVillageId} />
          </>
        )}
        {(kind || ownerType || villageId) && (
          <Button
            type="link"
            onClick={() => {
              setKind(undefined);
              setOwnerType(undefined);
              setVillageId(undefined);
            }}
          >
            重置筛选
          </Button>
        )}
      </div>
      {!compact && (
        <Space size={32} className="reminder-counts">
          <Statistic title="已逾期" value={overdue} valueStyle={{ color: '#cf1322' }} loading={reminders.loading && !reminders.data} />
          <Statistic title={`${days} 天内到期`} value={items.length - overdue} valueStyle={{ color: '#d46b08' }} loading={reminders.loading && !reminders.data} />
          {reminderKinds.map((value) => (
            <Statistic key={value} title={reminderKindLabels[value]} value={items.filter((item) => item.kind === value).length} />
          ))}
        </Space>
      )}
      <Table<Reminder>
        rowKey={(row) => `${row.kind}-${row.planId}-${row.filingId ?? ''}`}
        size="middle"
        columns={compact ? columns.filter((column) => column.key !== 'owner') : columns}
        dataSource={items}
        loading={reminders.loading}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.state === 'overdue' ? 'reminder-overdue' : '')}
        pagination={{ pageSize: compact ? 10 : 50, showSizeChanger: false, showTotal: (total) => `共 ${total} 项` }}
        locale={{ emptyText: reminders.error ? reminders.error.message : `${days} 天内没有到期或逾期的事项` }}
      />
      {!compact && (
        <Typography.Text type="secondary">
          * 该年节假日安排尚未录入，按周末计算，仅供参考（可在“设置 → 节假日安排”录入）。已废止的预案和已关闭、注销企业的预案不提醒。
        </Typography.Text>
      )}
    </Space>
  );
}
