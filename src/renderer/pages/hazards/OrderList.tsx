import { FileProtectOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Progress, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { RectificationOrder } from '../../../shared/api/hazards';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { ExportButton } from '../../components/ExportButton';
import { useListShortcuts } from '../../components/listHooks';
import { VillageFilter } from '../../components/ListFilters';
import { ListSearchBox } from '../../components/ListSearchBox';
import { listPagination, tableChangeHandler, ToggleTag } from '../../components/listTable';
import { PrintButton } from '../../print/PrintButton';
import { TargetName, useBackState, type BackState } from './display';
import { hasActiveOrderFilters, orderFiltersOf, readOrderListQuery, writeOrderListQuery, type OrderListQuery } from './listParams';
import { OrderCreateModal } from './OrderForms';

/** Closed of listed, as a short bar. */
export function ClosedProgress({ order }: { order: Pick<RectificationOrder, 'closedCount' | 'hazardCount'> }) {
  const done = order.hazardCount > 0 && order.closedCount === order.hazardCount;
  return (
    <Space size={6}>
      <Progress percent={order.hazardCount ? Math.round((order.closedCount / order.hazardCount) * 100) : 0} size={[60, 6]} showInfo={false} status={done ? 'success' : 'normal'} />
      <span>
        {order.closedCount}/{order.hazardCount}
      </span>
    </Space>
  );
}

export function ReviewTag({ order }: { order: Pick<RectificationOrder, 'reviewedOn'> }) {
  return order.reviewedOn ? (
    <Tag color="green" style={{ marginInlineEnd: 0 }}>
      已复查 {order.reviewedOn}
    </Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }}>未复查</Tag>
  );
}

export function orderColumns(options: { showTarget?: boolean; linkState?: BackState } = {}): ColumnsType<RectificationOrder> {
  const columns: ColumnsType<RectificationOrder> = [
    {
      title: '指令书编号',
      dataIndex: 'number',
      key: 'number',
      width: 230,
      render: (number: string, row) => (
        <Link to={`/hazards/orders/${row.id}`} state={options.linkState} onClick={(event) => event.stopPropagation()}>
          {number}
        </Link>
      ),
    },
    { title: '被责令单位', key: 'target', width: 220, render: (_value, row) => <TargetName target={row} /> },
    { title: '村/社区', dataIndex: 'villageName', key: 'villageName', width: 100 },
    { title: '下达日期', dataIndex: 'issuedOn', key: 'issuedOn', width: 110 },
    {
      title: '整改期限',
      dataIndex: 'deadline',
      key: 'deadline',
      width: 110,
      render: (deadline: string, row) =>
        row.closedCount < row.hazardCount && deadline < dayjs().format('YYYY-MM-DD') ? <Typography.Text type="danger">{deadline}</Typography.Text> : deadline,
    },
    { title: '已销号/隐患', key: 'closed', width: 140, render: (_value, row) => <ClosedProgress order={row} /> },
    { title: '复查', key: 'review', width: 140, render: (_value, row) => <ReviewTag order={row} /> },
    { title: '执法人员', dataIndex: 'officers', key: 'officers', width: 200, ellipsis: true },
  ];
  return options.showTarget === false ? columns.filter((column) => column.key !== 'target' && column.key !== 'villageName') : columns;
}

export function OrderTable(props: TableProps<RectificationOrder> & { showTarget?: boolean; linkState?: BackState }) {
  const { showTarget, linkState, ...rest } = props;
  return <Table<RectificationOrder> rowKey="id" size="small" columns={orderColumns({ showTarget, linkState })} scroll={{ x: 'max-content' }} {...rest} />;
}

/** 整改指令书: every order issued, by number, with how many of its hazards are closed and whether it was reviewed. */
export function OrderList() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readOrderListQuery(params), [params]);
  const filters = useMemo(() => orderFiltersOf(query), [query]);
  const list = useApiQuery('orders.list', { ...filters, page: query.page, pageSize: query.pageSize, sortOrder: query.sortOrder });
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const canWrite = can('orders.create');
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const linkState = useBackState();
  useListShortcuts({ paused: creating, canCreate: canWrite, onCreate: () => setCreating(true), searchRef });

  function update(patch: Partial<OrderListQuery>, options: { replace?: boolean } = {}) {
    setParams(writeOrderListQuery({ ...query, page: 1, ...patch }), { replace: options.replace });
  }
  const ledgerState = { filters, sortField: query.sortField, sortOrder: query.sortOrder };
  const active = hasActiveOrderFilters(filters);
  const columns = orderColumns({ linkState }).map((column) =>
    column.key === 'number' ? { ...column, sorter: true, sortOrder: query.sortOrder ?? 'descend', sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const] } : column,
  );

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div className="page-toolbar">
        <ListSearchBox q={query.q} onSearch={(q) => update({ q }, { replace: true })} label="搜索指令书" placeholder="搜索编号/单位/执法人员" width={300} searchRef={searchRef} />
        <span className="spacer" />
        <PrintButton ledger="orders" state={ledgerState} />
        <ExportButton request={{ ledger: 'orders', ...ledgerState }} />
        {canWrite && (
          <Button type="primary" icon={<FileProtectOutlined />} onClick={() => setCreating(true)}>
            下达整改指令书（Ctrl+N）
          </Button>
        )}
      </div>
      <div className="page-toolbar">
        <DatePicker.RangePicker
          aria-label="下达日期"
          placeholder={['下达日期从', '至']}
          style={{ width: 260 }}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <VillageFilter label="所属村/社区" width={140} value={query.villageId} onChange={(villageId) => update({ villageId })} />
        <ToggleTag label="隐患未全部销号" active={!!query.open} onToggle={() => update({ open: query.open ? undefined : true })} />
        <ToggleTag label="已逾期" active={!!query.overdue} onToggle={() => update({ overdue: query.overdue ? undefined : true })} />
        {query.enterpriseId && (
          <Tag closable onClose={() => update({ enterpriseId: undefined })} style={{ marginInlineEnd: 0 }}>
            单位：{list.data?.items[0]?.targetName ?? '所选企业'}
          </Tag>
        )}
        {active && (
          <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            重置筛选
          </Button>
        )}
      </div>
      <Table<RectificationOrder>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        onChange={tableChangeHandler<RectificationOrder, 'issuedOn'>((patch) =>
          update(patch.sortOrder === 'ascend' ? { ...patch, sortField: 'issuedOn', sortOrder: 'ascend' } : { ...patch, sortField: undefined, sortOrder: undefined }),
        )}
        scroll={{ x: 'max-content' }}
        rowClassName="clickable-row"
        onRow={(row) => ({
          onClick: () => {
            if (window.getSelection()?.toString()) return;
            navigate(`/hazards/orders/${row.id}`, { state: linkState });
          },
        })}
        pagination={listPagination(query, list.data?.total, '份')}
        locale={{ emptyText: list.error ? list.error.message : active ? '没有符合条件的指令书' : '暂无整改指令书' }}
      />
      {creating && (
        <OrderCreateModal
          onClose={() => setCreating(false)}
          onSaved={(order) => {
            message.success(`已下达整改指令书 ${order.number}`);
            navigate(`/hazards/orders/${order.id}`, { state: linkState });
          }}
        />
      )}
    </Space>
  );
}
