import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Drill } from '../../../shared/api/drills';
import { drillForms, drillScopes, planOwnerTypeLabels, planOwnerTypes } from '../../../shared/domain/emergencyPlan';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { ExportButton } from '../../components/ExportButton';
import { ImportWizard } from '../../components/imports/ImportWizard';
import { useListShortcuts } from '../../components/listHooks';
import { ChoiceFilter, VillageFilter } from '../../components/ListFilters';
import { ListSearchBox } from '../../components/ListSearchBox';
import { listPagination, tableChangeHandler, ToggleTag } from '../../components/listTable';
import { PrintButton } from '../../print/PrintButton';
import { OwnerName } from './display';
import { DrillFormModal } from './DrillForm';
import { drillFiltersOf, hasActiveDrillFilters, readDrillListQuery, writeDrillListQuery, type DrillListQuery } from './listParams';

export function drillColumns(options: { showOwner?: boolean; showPlan?: boolean } = {}): ColumnsType<Drill> {
  const columns: ColumnsType<Drill> = [
    { title: '演练日期', dataIndex: 'heldOn', key: 'heldOn', width: 100 },
    { title: '演练名称', dataIndex: 'name', key: 'name', width: 240, render: (name: string, row) => <Link to={`/plans/drills/${row.id}`}>{name}</Link> },
    {
      title: '所属单位',
      key: 'owner',
      width: 220,
      render: (_value, row) => <OwnerName owner={row} />,
    },
    {
      title: '演练的预案',
      key: 'plan',
      width: 220,
      render: (_value, row) => (row.planId ? <Link to={`/plans/${row.planId}`}>{row.planName}</Link> : <Typography.Text type="secondary">未对应预案</Typography.Text>),
    },
    {
      title: '类型/形式',
      key: 'kind',
      width: 170,
      render: (_value, row) => (
        <Space size={4}>
          <Tag style={{ marginInlineEnd: 0 }}>{row.scope}</Tag>
          <Tag color={row.form === '实战演练' ? 'volcano' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {row.form}
          </Tag>
        </Space>
      ),
    },
    { title: '参与人数', dataIndex: 'participants', key: 'participants', width: 90, align: 'right' },
    { title: '消防参与', key: 'fireBrigade', width: 80, align: 'center', render: (_value, row) => (row.fireBrigade ? '是' : '') },
    {
      title: '评估',
      key: 'evaluation',
      width: 90,
      render: (_value, row) => (row.evaluation ? <Tag color="green">已评估</Tag> : <Tag color="orange">未评估</Tag>),
    },
  ];
  return columns.filter((column) => (options.showOwner !== false || column.key !== 'owner') && (options.showPlan !== false || column.key !== 'plan'));
}

export function DrillTable(props: TableProps<Drill> & { showOwner?: boolean; showPlan?: boolean }) {
  const { showOwner, showPlan, ...rest } = props;
  return <Table<Drill> rowKey="id" size="small" columns={drillColumns({ showOwner, showPlan })} scroll={{ x: 'max-content' }} {...rest} />;
}

/** The period's totals in the words of the seeds' reports, for the list's period and village. */
function DrillSummaryCard({ from, to, villageId }: { from: string; to: string; villageId?: number }) {
  const summary = useApiQuery('drills.summary', { from, to, villageId });
  const data = summary.data;
  return (
    <Card size="small" className="drill-summary" title={`演练统计（${from} 至 ${to}）`} loading={summary.loading && !data}>
      {data && (
        <>
          <Typography.Paragraph className="drill-summary-sentence" copyable>
            {data.sentence}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={{ xs: 2, md: 4, xl: 8 }}
            items={[
              { key: 'drills', label: '演练场次', children: data.drills },
              { key: 'actual', label: '实战演练', children: data.actual },
              { key: 'tabletop', label: '桌面推演', children: data.tabletop },
              { key: 'participants', label: '参与人次', children: data.participants },
              { key: 'enterprise', label: '企业', children: `${data.units.enterprise} 家` },
              { key: 'village', label: '村（社区）', children: `${data.units.village} 个` },
              { key: 'department', label: '部门', children: `${data.units.department} 个` },
              { key: 'unevaluated', label: '未评估', children: data.unevaluated },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** 应急演练记录台账: drills of the town, departments, villages and enterprises, with the period's totals. */
export function DrillList() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readDrillListQuery(params), [params]);
  const filters = useMemo(() => drillFiltersOf(query), [query]);
  const list = useApiQuery('drills.list', query);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const canWrite = can('drills.create');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  useListShortcuts({ paused: creating || importing, canCreate: canWrite, onCreate: () => setCreating(true), searchRef });

  function update(patch: Partial<DrillListQuery>, options: { replace?: boolean } = {}) {
    setParams(writeDrillListQuery({ ...query, page: 1, ...patch }), { replace: options.replace });
  }
  const active = hasActiveDrillFilters(filters);
  const ledgerState = { filters, sortField: query.sortField, sortOrder: query.sortOrder };
  // Without a chosen period the totals cover this year so far.
  const period = { from: query.from ?? `${dayjs().year()}-01-01`, to: query.to ?? dayjs().format('YYYY-MM-DD') };
  const columns = drillColumns().map((column) =>
    column.key === 'heldOn' || column.key === 'participants'
      ? { ...column, sorter: true, sortOrder: (query.sortField ?? 'heldOn') === column.key ? (query.sortOrder ?? 'descend') : null }
      : column,
  );

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div className="page-toolbar">
        <ListSearchBox q={query.q} onSearch={(q) => update({ q }, { replace: true })} label="搜索演练" placeholder="搜索演练名称/单位/预案/地点" width={300} searchRef={searchRef} />
        <span className="spacer" />
        <PrintButton ledger="drills" state={ledgerState} />
        <ExportButton request={{ ledger: 'drills', ...ledgerState }} />
        {can('imports.start') && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            导入Excel
          </Button>
        )}
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增演练（Ctrl+N）
          </Button>
        )}
      </div>
      <div className="page-toolbar">
        <DatePicker.RangePicker
          aria-label="演练日期"
          placeholder={['演练日期从', '至']}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <ChoiceFilter
          label="所属单位类型"
          placeholder="全部单位类型"
          width={140}
          values={planOwnerTypes.map((type) => planOwnerTypeLabels[type])}
          value={query.ownerType ? planOwnerTypeLabels[query.ownerType] : undefined}
          onChange={(label) => update({ ownerType: planOwnerTypes.find((type) => planOwnerTypeLabels[type] === label) })}
        />
        <ChoiceFilter label="演练类型" placeholder="全部类型" width={130} values={drillScopes} value={query.scope} onChange={(scope) => update({ scope })} />
        <ChoiceFilter label="演练形式" placeholder="全部形式" width={120} values={drillForms} value={query.form} onChange={(form) => update({ form })} />
        <VillageFilter label="所属村/社区" width={140} value={query.villageId} onChange={(villageId) => update({ villageId })} />
        <ToggleTag label="消防参与" active={!!query.fireBrigade} onToggle={() => update({ fireBrigade: query.fireBrigade ? undefined : true })} />
        <ToggleTag label="未评估" active={!!query.unevaluated} onToggle={() => update({ unevaluated: query.unevaluated ? undefined : true })} />
        {active && (
          <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            重置筛选
          </Button>
        )}
      </div>
      <DrillSummaryCard from={period.from} to={period.to} villageId={query.villageId} />
      <Table<Drill>
        rowKey="id"
        size="middle"
        columns={[{ title: '序号', key: 'index', width: 56, render: (_value, _row, index) => (query.page - 1) * query.pageSize + index + 1 }, ...columns]}
        dataSource={list.data?.items}
        loading={list.loading}
        onChange={tableChangeHandler<Drill, NonNullable<DrillListQuery['sortField']>>((patch) => update(patch))}
        scroll={{ x: 'max-content' }}
        rowClassName="clickable-row"
        onRow={(row) => ({
          onClick: () => {
            if (window.getSelection()?.toString()) return;
            navigate(`/plans/drills/${row.id}`);
          },
        })}
        pagination={listPagination(query, list.data?.total, '场')}
        locale={{ emptyText: list.error ? list.error.message : active ? '没有符合条件的演练' : '暂无演练记录' }}
      />
      {creating && (
        <DrillFormModal
          open
          drill={null}
          onClose={() => setCreating(false)}
          onSaved={(drill) => {
            message.success(`已登记演练「${drill.name}」`);
            list.reload();
          }}
        />
      )}
      {importing && <ImportWizard entity="drills" onClose={() => setImporting(false)} onImported={() => list.reload()} />}
    </Space>
  );
}
