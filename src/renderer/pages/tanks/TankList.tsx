import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Tank, TankFilters } from '../../../shared/api/tanks';
import { tankCategories, tankStatuses, type TankCategory, type TankStatus } from '../../../shared/domain/tank';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { useListShortcuts } from '../../components/listHooks';
import { ChoiceFilter, VillageFilter } from '../../components/ListFilters';
import { ListSearchBox } from '../../components/ListSearchBox';
import { rowActionsColumn, tableChangeHandler, ToggleTag, listPagination } from '../../components/listTable';
import { ExportButton } from '../../components/ExportButton';
import { ImportWizard } from '../../components/imports/ImportWizard';
import { PrintButton } from '../../print/PrintButton';
import { ColumnChooser, useVisibleColumns, type ChoosableColumn } from '../enterprises/ColumnChooser';
import { personWithPhone } from '../enterprises/display';
import { amount, MissingChecks, ownerPath, TankCategoryTag, TankStatusTag } from './display';
import {
  hasActiveTankFilters,
  lastTankListSearchKey,
  readTankListQuery,
  tankFiltersOf,
  writeTankListQuery,
  type TankListQuery,
} from './listParams';
import { OwnerFilter } from './OwnerFilter';
import { AssignResponsibleModal, ChangeStatusModal } from './TankBulkModals';
import { TankFormModal, type TankDefaults } from './TankForm';
import { TankSummaryPanel } from './TankSummaryPanel';
import { UnmarkedMajorHazards } from './UnmarkedMajorHazards';

type Editing = { mode: 'create' } | { mode: 'edit'; tank: Tank } | null;
type Bulk = 'status' | 'responsible' | null;

type OptionalColumn =
  | 'ownerName'
  | 'category'
  | 'villageName'
  | 'tankFarm'
  | 'medium'
  | 'cas'
  | 'designCapacityM3'
  | 'maxStoredT'
  | 'type'
  | 'material'
  | 'pressureClass'
  | 'status'
  | 'publicLabel'
  | 'responsible'
  | 'lastCheckOn'
  | 'registeredOn'
  | 'updatedAt';

const optionalColumns: ChoosableColumn<OptionalColumn>[] = [
  { key: 'ownerName', title: '所属单位', defaultVisible: true },
  { key: 'category', title: '储罐类别', defaultVisible: true },
  // Off by default, as are the quantities: the default columns then fit a 1366-wide screen.
  { key: 'villageName', title: '所属村/社区', defaultVisible: false },
  { key: 'tankFarm', title: '罐区', defaultVisible: true },
  { key: 'medium', title: '介质', defaultVisible: true },
  { key: 'cas', title: 'CAS号', defaultVisible: false },
  { key: 'designCapacityM3', title: '设计容积', defaultVisible: false },
  { key: 'maxStoredT', title: '最大储存量', defaultVisible: false },
  { key: 'type', title: '储罐类型', defaultVisible: false },
  { key: 'material', title: '材质', defaultVisible: false },
  { key: 'pressureClass', title: '压力等级', defaultVisible: false },
  { key: 'status', title: '状态', defaultVisible: true },
  // Off by default: the 罐号 cell already flags a tank without 公开标识 or 盯靠责任人.
  { key: 'publicLabel', title: '公开标识', defaultVisible: false },
  { key: 'responsible', title: '盯靠责任人', defaultVisible: true },
  { key: 'lastCheckOn', title: '最近检查', defaultVisible: false },
  { key: 'registeredOn', title: '登记日期', defaultVisible: false },
  { key: 'updatedAt', title: '更新时间', defaultVisible: false },
];

/** 储罐台账: every tank of the town's enterprises and idle sites, with the seed's summary above it. */
export function TankList() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readTankListQuery(params), [params]);
  const filters = useMemo(() => tankFiltersOf(query), [query]);
  const list = useApiQuery('tanks.list', query);
  const [editing, setEditing] = useState<Editing>(null);
  const [bulk, setBulk] = useState<Bulk>(null);
  const [selected, setSelected] = useState<Tank[]>([]);
  const [importing, setImporting] = useState(false);
  const [version, setVersion] = useState(0);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const canWrite = can('tanks.update');
  const searchRef = useRef<HTMLInputElement>(null);
  const columnChoice = useVisibleColumns('anjian.tanks.columns', optionalColumns);

  /** Changes the list state in the URL; any change but paging goes back to page 1 and drops the selection. */
  function update(patch: Partial<TankListQuery>, options: { replace?: boolean } = {}) {
    const pagingOnly = Object.keys(patch).every((key) => key === 'page' || key === 'pageSize' || key === 'sortField' || key === 'sortOrder');
    if (!pagingOnly) setSelected([]);
    setParams(writeTankListQuery({ ...query, page: 1, ...patch }), { replace: options.replace });
  }

  useEffect(() => {
    sessionStorage.setItem(lastTankListSearchKey, params.toString());
  }, [params]);

  useListShortcuts({ paused: !!(editing || bulk || importing), canCreate: canWrite, onCreate: () => setEditing({ mode: 'create' }), searchRef });

  /** After any change: the table and the summary both count again. */
  function changed() {
    list.reload();
    setVersion((value) => value + 1);
  }

  async function remove(tank: Tank) {
    try {
      await callApi('tanks.delete', { id: tank.id });
      message.success(`已删除储罐「${tank.ownerName} ${tank.code}」，可在回收站恢复`);
      setSelected((rows) => rows.filter((row) => row.id !== tank.id));
      // Deleting the only row of the last page would leave staff looking at an empty page.
      if (list.data?.items.length === 1 && query.page > 1) update({ page: query.page - 1 });
      changed();
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  function order(field: NonNullable<TankListQuery['sortField']>) {
    return query.sortField === field ? query.sortOrder : null;
  }

  const listState = { listSearch: params.toString() };
  const stop = (event: { stopPropagation: () => void }) => event.stopPropagation();

  const optional: Record<OptionalColumn, ColumnsType<Tank>[number]> = {
    ownerName: {
      title: '所属单位',
      dataIndex: 'ownerName',
      width: 170,
      ellipsis: true,
      sorter: true,
      sortOrder: order('ownerName'),
      render: (name: string, row) => (
        <Link to={ownerPath(row)} onClick={stop}>
          {name}
        </Link>
      ),
    },
    category: {
      title: '储罐类别',
      dataIndex: 'category',
      width: 116,
      render: (category: TankCategory) => <TankCategoryTag category={category} short />,
    },
    villageName: { title: '所属村/社区', dataIndex: 'villageName', width: 110, ellipsis: true },
    tankFarm: { title: '罐区', dataIndex: 'tankFarm', width: 96, ellipsis: true },
    medium: { title: '介质', dataIndex: 'medium', width: 100, ellipsis: true },
    cas: { title: 'CAS号', dataIndex: 'cas', width: 110, render: (cas: string | null) => <span className="cas">{cas}</span> },
    designCapacityM3: {
      title: '设计容积',
      dataIndex: 'designCapacityM3',
      width: 100,
      align: 'right',
      render: (value: number | null) => amount(value, 'm³'),
    },
    maxStoredT: { title: '最大储存量', dataIndex: 'maxStoredT', width: 100, align: 'right', render: (value: number | null) => amount(value, 't') },
    type: { title: '储罐类型', dataIndex: 'type', width: 100 },
    material: { title: '材质', dataIndex: 'material', width: 90, ellipsis: true },
    pressureClass: { title: '压力等级', dataIndex: 'pressureClass', width: 90 },
    status: {
      title: '状态',
      dataIndex: 'status',
      width: 84,
      sorter: true,
      sortOrder: order('status'),
      render: (status: TankStatus) => <TankStatusTag status={status} />,
    },
    publicLabel: { title: '公开标识', dataIndex: 'publicLabel', width: 90, render: (value: boolean) => (value ? '已标识' : '未标识') },
    responsible: {
      title: '盯靠责任人',
      key: 'responsible',
      width: 150,
      ellipsis: true,
      render: (_value, row) => personWithPhone(row.responsibleName, row.responsiblePhone),
    },
    lastCheckOn: { title: '最近检查', dataIndex: 'lastCheckOn', width: 110 },
    registeredOn: { title: '登记日期', dataIndex: 'registeredOn', width: 110, sorter: true, sortOrder: order('registeredOn') },
    updatedAt: {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 150,
      sorter: true,
      sortOrder: order('updatedAt'),
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
    },
  };

  const columns: ColumnsType<Tank> = [
    {
      title: '序号',
      key: 'index',
      width: 56,
      render: (_value, _row, index) => (query.page - 1) * query.pageSize + index + 1,
    },
    {
      title: '罐号',
      dataIndex: 'code',
      width: 210,
      sorter: true,
      sortOrder: order('code'),
      render: (code: string, row) => (
        <Space size={4} wrap={false}>
          <Link to={`/tanks/${row.id}`} state={listState} onClick={stop} className="tank-code">
            {code}
          </Link>
          <MissingChecks tank={row} />
        </Space>
      ),
    },
    ...columnChoice.visible.map((key) => ({ key, ...optional[key] })),
  ];
  if (canWrite) {
    columns.push(
      rowActionsColumn<Tank>({
        onEdit: (tank) => setEditing({ mode: 'edit', tank }),
        onDelete: remove,
        confirmTitle: (tank) => `删除储罐「${tank.code}」？`,
        confirmDescription: '删除后可在回收站恢复；若只是不再使用，请用“变更状态”。',
      }),
    );
  }

  const onTableChange = tableChangeHandler<Tank, NonNullable<TankListQuery['sortField']>>(update);

  // A new tank starts with the owner the list is filtered to, named as the rows name it.
  const createDefaults = useMemo<TankDefaults | undefined>(() => {
    const ownerName = list.data?.items[0]?.ownerName;
    if (query.enterpriseId) return { enterpriseId: query.enterpriseId, ownerName };
    if (query.idleSiteId) return { idleSiteId: query.idleSiteId, ownerName };
    return undefined;
  }, [query.enterpriseId, query.idleSiteId, list.data]);

  const active = hasActiveTankFilters(filters);
  const selectedIds = selected.map((tank) => tank.id);

  return (
    <Card title="储罐" variant="borderless">
      <div className="page-toolbar">
        <ListSearchBox q={query.q} onSearch={(q) => update({ q }, { replace: true })} label="搜索储罐" placeholder="搜索罐号/介质/罐区/所属单位" width={320} searchRef={searchRef} />
        <span className="spacer" />
        <ColumnChooser columns={optionalColumns} visible={columnChoice.visible} onChange={columnChoice.setVisible} onReset={columnChoice.reset} />
        <PrintButton ledger="tanks" state={{ filters: tankFiltersOf(query), sortField: query.sortField, sortOrder: query.sortOrder }} />
        <ExportButton request={{ ledger: 'tanks', filters: tankFiltersOf(query), sortField: query.sortField, sortOrder: query.sortOrder }} />
        {can('imports.start') && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            导入Excel
          </Button>
        )}
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            新增（Ctrl+N）
          </Button>
        )}
      </div>
      <div className="page-toolbar">
        <ChoiceFilter label="储罐类别" placeholder="全部类别" width={150} values={tankCategories} value={query.category} onChange={(category) => update({ category })} />
        <ChoiceFilter label="状态" placeholder="全部状态" width={110} values={tankStatuses} value={query.status} onChange={(status) => update({ status })} />
        <VillageFilter width={140} value={query.villageId} onChange={(villageId) => update({ villageId })} />
        <OwnerFilter value={{ enterpriseId: query.enterpriseId, idleSiteId: query.idleSiteId }} onChange={(owner) => update(owner)} />
        <ToggleTag
          label="未公开标识"
          active={query.publicLabel === false}
          onToggle={() => update({ publicLabel: query.publicLabel === false ? undefined : false })}
        />
        <ToggleTag
          label="无专人盯靠"
          active={query.hasResponsible === false}
          onToggle={() => update({ hasResponsible: query.hasResponsible === false ? undefined : false })}
        />
        {active && (
          <Button type="link" onClick={() => update({ ...emptyFilters, pageSize: query.pageSize })}>
            重置筛选
          </Button>
        )}
      </div>
      <TankSummaryPanel filters={filters} version={version} onFilter={(patch) => update(patch)} />
      <UnmarkedMajorHazards version={version} />
      <div className="page-toolbar tank-selection-bar">
        {selected.length > 0 ? (
          <>
            <Typography.Text>
              已选 <Typography.Text strong>{selected.length}</Typography.Text> 个储罐
            </Typography.Text>
            {canWrite && (
              <>
                <Button size="small" onClick={() => setBulk('status')}>
                  批量变更状态
                </Button>
                <Button size="small" onClick={() => setBulk('responsible')}>
                  批量指定盯靠责任人
                </Button>
              </>
            )}
            <Button size="small" type="link" onClick={() => setSelected([])}>
              取消选择
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">{canWrite ? '勾选储罐后可批量变更状态或指定盯靠责任人' : ''}</Typography.Text>
        )}
        <span className="spacer" />
        <Typography.Text type="secondary">
          共 <Typography.Text strong>{list.data?.total ?? 0}</Typography.Text> 个（含已拆除）
        </Typography.Text>
      </div>
      <Table<Tank>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        rowSelection={
          canWrite
            ? {
                selectedRowKeys: selectedIds,
                preserveSelectedRowKeys: true,
                columnWidth: 40,
                onChange: (keys, rows) =>
                  // Rows picked on other pages are not in `rows` once the page changes; keep them from before.
                  setSelected(
                    keys
                      .map((key) => rows.find((row) => row?.id === key) ?? selected.find((row) => row.id === key))
                      .filter((row): row is Tank => !!row),
                  ),
              }
            : undefined
        }
        rowClassName={(tank) => (tank.status === '已拆除' ? 'clickable-row tank-removed' : 'clickable-row')}
        onRow={(tank) => ({
          onClick: () => {
            if (window.getSelection()?.toString()) return;
            navigate(`/tanks/${tank.id}`, { state: listState });
          },
        })}
        pagination={listPagination(query, list.data?.total, '个')}
        locale={{
          emptyText: list.error
            ? list.error.message
            : active
              ? '没有符合条件的储罐'
              : canWrite
                ? '暂无储罐，点击“新增”登记'
                : '暂无储罐',
        }}
      />
      <TankFormModal
        open={editing !== null}
        tank={editing?.mode === 'edit' ? editing.tank : null}
        defaults={createDefaults}
        onClose={() => setEditing(null)}
        onSaved={changed}
      />
      <ChangeStatusModal
        open={bulk === 'status'}
        tanks={selected}
        onClose={() => setBulk(null)}
        onDone={() => {
          setSelected([]);
          changed();
        }}
      />
      <AssignResponsibleModal
        open={bulk === 'responsible'}
        tanks={selected}
        onClose={() => setBulk(null)}
        onDone={() => {
          setSelected([]);
          changed();
        }}
      />
      {importing && <ImportWizard entity="tanks" onClose={() => setImporting(false)} onImported={() => list.reload()} />}
    </Card>
  );
}

const emptyFilters: Record<keyof TankFilters, undefined> = {
  q: undefined,
  category: undefined,
  status: undefined,
  villageId: undefined,
  enterpriseId: undefined,
  idleSiteId: undefined,
  publicLabel: undefined,
  hasResponsible: undefined,
};
