import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Inspection } from '../../../shared/api/hazards';
import { inspectionKinds } from '../../../shared/domain/hazard';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { ExportButton } from '../../components/ExportButton';
import { useListShortcuts } from '../../components/listHooks';
import { ChoiceFilter, VillageFilter } from '../../components/ListFilters';
import { ListSearchBox } from '../../components/ListSearchBox';
import { listPagination, tableChangeHandler } from '../../components/listTable';
import { PrintButton } from '../../print/PrintButton';
import { TargetName, useBackState, type BackState } from './display';
import { hasActiveInspectionFilters, inspectionFiltersOf, readInspectionListQuery, writeInspectionListQuery, type InspectionListQuery } from './listParams';

export function inspectionColumns(options: { showTarget?: boolean; linkState?: BackState } = {}): ColumnsType<Inspection> {
  const columns: ColumnsType<Inspection> = [
    {
      title: '检查日期',
      dataIndex: 'inspectedOn',
      key: 'inspectedOn',
      width: 110,
      render: (date: string, row) => (
        <Link to={`/hazards/inspections/${row.id}`} state={options.linkState} onClick={(event) => event.stopPropagation()}>
          {date}
        </Link>
      ),
    },
    { title: '被检查单位', key: 'target', width: 240, render: (_value, row) => <TargetName target={row} /> },
    { title: '村/社区', dataIndex: 'villageName', key: 'villageName', width: 100 },
    { title: '检查类型', dataIndex: 'kind', key: 'kind', width: 90, render: (kind: string) => <Tag style={{ marginInlineEnd: 0 }}>{kind}检查</Tag> },
    { title: '检查人员', dataIndex: 'inspectors', key: 'inspectors', width: 180 },
    {
      title: '发现隐患',
      key: 'hazards',
      width: 150,
      render: (_value, row) =>
        row.hazardCount === 0 ? (
          <Typography.Text type="secondary">未发现</Typography.Text>
        ) : (
          <span>
            {row.hazardCount} 条
            {row.majorCount > 0 && (
              <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                重大 {row.majorCount}
              </Tag>
            )}
          </span>
        ),
    },
    { title: '检查项目', dataIndex: 'items', key: 'items', width: 240, ellipsis: true, render: (items: string | null) => items ?? '—' },
    { title: '录入人', dataIndex: 'createdBy', key: 'createdBy', width: 90 },
  ];
  return options.showTarget === false ? columns.filter((column) => column.key !== 'target' && column.key !== 'villageName') : columns;
}

export function InspectionTable(props: TableProps<Inspection> & { showTarget?: boolean; linkState?: BackState }) {
  const { showTarget, linkState, ...rest } = props;
  return <Table<Inspection> rowKey="id" size="small" columns={inspectionColumns({ showTarget, linkState })} scroll={{ x: 'max-content' }} {...rest} />;
}

/** 检查记录: every inspection of an enterprise or 四闲 site, newest first, with what it found. */
export function InspectionList() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readInspectionListQuery(params), [params]);
  const filters = useMemo(() => inspectionFiltersOf(query), [query]);
  const list = useApiQuery('inspections.list', { ...filters, page: query.page, pageSize: query.pageSize, sortOrder: query.sortOrder });
  const navigate = useNavigate();
  const can = useCan();
  const canWrite = can('inspections.create');
  const searchRef = useRef<HTMLInputElement>(null);
  const linkState = useBackState();
  const newInspection = () => navigate('/hazards/inspections/new', { state: linkState });
  useListShortcuts({ paused: false, canCreate: canWrite, onCreate: newInspection, searchRef });

  function update(patch: Partial<InspectionListQuery>, options: { replace?: boolean } = {}) {
    setParams(writeInspectionListQuery({ ...query, page: 1, ...patch }), { replace: options.replace });
  }
  const ledgerState = { filters, sortField: query.sortField, sortOrder: query.sortOrder };
  const active = hasActiveInspectionFilters(filters);
  const columns = inspectionColumns({ linkState }).map((column) =>
    column.key === 'inspectedOn' ? { ...column, sorter: true, sortOrder: query.sortOrder ?? 'descend', sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const] } : column,
  );

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div className="page-toolbar">
        <ListSearchBox q={query.q} onSearch={(q) => update({ q }, { replace: true })} label="搜索检查记录" placeholder="搜索单位/检查人员/检查项目" width={300} searchRef={searchRef} />
        <span className="spacer" />
        <PrintButton ledger="inspections" state={ledgerState} />
        <ExportButton request={{ ledger: 'inspections', ...ledgerState }} />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={newInspection}>
            新增检查（Ctrl+N）
          </Button>
        )}
      </div>
      <div className="page-toolbar">
        <DatePicker.RangePicker
          aria-label="检查日期"
          placeholder={['检查日期从', '至']}
          style={{ width: 260 }}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <ChoiceFilter label="检查类型" placeholder="全部类型" width={110} values={inspectionKinds} value={query.kind} onChange={(kind) => update({ kind })} />
        <VillageFilter label="所属村/社区" width={140} value={query.villageId} onChange={(villageId) => update({ villageId })} />
        {(query.enterpriseId || query.idleSiteId) && (
          <Tag closable onClose={() => update({ enterpriseId: undefined, idleSiteId: undefined })} style={{ marginInlineEnd: 0 }}>
            单位：{list.data?.items[0]?.targetName ?? '所选单位'}
          </Tag>
        )}
        {active && (
          <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            重置筛选
          </Button>
        )}
      </div>
      <Table<Inspection>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        onChange={tableChangeHandler<Inspection, 'inspectedOn'>((patch) =>
          update(patch.sortOrder === 'ascend' ? { ...patch, sortField: 'inspectedOn', sortOrder: 'ascend' } : { ...patch, sortField: undefined, sortOrder: undefined }),
        )}
        scroll={{ x: 'max-content' }}
        rowClassName="clickable-row"
        onRow={(row) => ({
          onClick: () => {
            if (window.getSelection()?.toString()) return;
            navigate(`/hazards/inspections/${row.id}`, { state: linkState });
          },
        })}
        pagination={listPagination(query, list.data?.total, '次')}
        locale={{ emptyText: list.error ? list.error.message : active ? '没有符合条件的检查记录' : '暂无检查记录，点击“新增检查”登记' }}
      />
    </Space>
  );
}
