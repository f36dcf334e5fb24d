import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Enterprise, EnterpriseFields, EnterpriseFilters } from '../../../shared/api/enterprises';
import {
  enterpriseStatuses,
  industries,
  riskLevelLabels,
  riskLevels,
  standardizationLevels,
  type EnterpriseStatus,
  type RiskLevel,
  type StandardizationLevel,
} from '../../../shared/domain/enterprise';
import { useApiQuery } from '../../api/useApi';
import { PrintButton } from '../../print/PrintButton';
import { useCan } from '../../app/permissions';
import { useListShortcuts } from '../../components/listHooks';
import { ChoiceFilter, VillageFilter } from '../../components/ListFilters';
import { ListSearchBox } from '../../components/ListSearchBox';
import { rowActionsColumn, tableChangeHandler, listPagination } from '../../components/listTable';
import { ExportButton } from '../../components/ExportButton';
import { ImportWizard } from '../../components/imports/ImportWizard';
import { ColumnChooser, useVisibleColumns, type ChoosableColumn } from './ColumnChooser';
import { formatCount, personWithPhone, RiskTag, riskTagColors, StatusTag } from './display';
import { EnterpriseFormModal } from './EnterpriseForm';
import {
  hasActiveFilters,
  readEnterpriseFilters,
  readEnterpriseListQuery,
  writeEnterpriseListQuery,
  type EnterpriseListQuery,
} from './listParams';
import { useDeleteEnterprise } from './useDeleteEnterprise';

type Editing = { mode: 'create' } | { mode: 'edit'; enterprise: Enterprise } | null;

type OptionalColumn =
  | 'uscc'
  | 'riskLevel'
  | 'industry'
  | 'villageName'
  | 'status'
  | 'keySupervised'
  | 'standardization'
  | 'majorHazard'
  | 'principal'
  | 'safetyManager'
  | 'employees'
  | 'gridWorkerName'
  | 'supervisingDept'
  | 'address'
  | 'updatedAt';

const optionalColumns: ChoosableColumn<OptionalColumn>[] = [
  { key: 'uscc', title: '统一社会信用代码', defaultVisible: true },
  { key: 'riskLevel', title: '风险等级', defaultVisible: true },
  { key: 'industry', title: '行业领域', defaultVisible: true },
  { key: 'villageName', title: '所属村/社区', defaultVisible: true },
  // Off by default: the name cell already flags anything but 在产, and the default columns then fit a 1366-wide screen.
  { key: 'status', title: '经营状态', defaultVisible: false },
  { key: 'keySupervised', title: '重点监管', defaultVisible: false },
  { key: 'standardization', title: '标准化等级', defaultVisible: false },
  { key: 'majorHazard', title: '重大危险源', defaultVisible: false },
  { key: 'principal', title: '主要负责人', defaultVisible: true },
  { key: 'safetyManager', title: '安全管理人员', defaultVisible: false },
  { key: 'employees', title: '从业人员', defaultVisible: false },
  { key: 'gridWorkerName', title: '网格员', defaultVisible: false },
  { key: 'supervisingDept', title: '行业主管部门', defaultVisible: false },
  { key: 'address', title: '地址', defaultVisible: false },
  { key: 'updatedAt', title: '更新时间', defaultVisible: false },
];

/** Where the profile's back link returns to when it was not opened from the list (e.g. after a reload). */
export const lastListSearchKey = 'anjian.enterprises.listSearch';

const flagOptions = (yes: string, no: string) => [
  { label: yes, value: 'true' },
  { label: no, value: 'false' },
];

export function EnterpriseList() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readEnterpriseListQuery(params), [params]);
  const list = useApiQuery('enterprises.list', query);
  const workers = useApiQuery('gridWorkers.options', query.villageId ? { villageId: query.villageId } : {});
  const [editing, setEditing] = useState<Editing>(null);
  const navigate = useNavigate();
  const can = useCan();
  const canWrite = can('enterprises.update');
  const canImport = can('imports.start');
  const [importing, setImporting] = useState(false);
  const deleteEnterprise = useDeleteEnterprise();
  const searchRef = useRef<HTMLInputElement>(null);
  const columnChoice = useVisibleColumns('anjian.enterprises.columns', optionalColumns);

  /** Changes the list state in the URL; any change but paging goes back to page 1. */
  function update(patch: Partial<EnterpriseListQuery>, options: { replace?: boolean } = {}) {
    setParams(writeEnterpriseListQuery({ ...query, page: 1, ...patch }), { replace: options.replace });
  }

  useEffect(() => {
    sessionStorage.setItem(lastListSearchKey, params.toString());
  }, [params]);

  useListShortcuts({ paused: !!(editing || importing), canCreate: canWrite, onCreate: () => setEditing({ mode: 'create' }), searchRef });

  function openProfile(enterprise: Enterprise) {
    navigate(`/enterprises/${enterprise.id}`, { state: { listSearch: params.toString() } });
  }

  async function remove(enterprise: Enterprise) {
    if (!(await deleteEnterprise(enterprise))) return;
    // Deleting the only row of the last page would leave staff looking at an empty page.
    if (list.data?.items.length === 1 && query.page > 1) update({ page: query.page - 1 });
    else list.reload();
  }

  function order(field: NonNullable<EnterpriseListQuery['sortField']>) {
    return query.sortField === field ? query.sortOrder : null;
  }

  const optional: Record<OptionalColumn, ColumnsType<Enterprise>[number]> = {
    uscc: {
      title: '统一社会信用代码',
      dataIndex: 'uscc',
      width: 175,
      sorter: true,
      sortOrder: order('uscc'),
      render: (uscc: string) => <span className="uscc">{uscc}</span>,
    },
    riskLevel: {
      title: '风险等级',
      dataIndex: 'riskLevel',
      width: 120,
      sorter: true,
      sortOrder: order('riskLevel'),
      render: (level: RiskLevel) => <RiskTag level={level} />,
    },
    industry: { title: '行业领域', dataIndex: 'industry', width: 120, ellipsis: true, sorter: true, sortOrder: order('industry') },
    villageName: { title: '所属村/社区', dataIndex: 'villageName', width: 110, ellipsis: true },
    status: {
      title: '经营状态',
      dataIndex: 'status',
      width: 100,
      sorter: true,
      sortOrder: order('status'),
      render: (status: EnterpriseStatus) => <StatusTag status={status} />,
    },
    keySupervised: {
      title: '重点监管',
      dataIndex: 'keySupervised',
      width: 90,
      render: (value: boolean) => (value ? '是' : '否'),
    },
    standardization: { title: '标准化等级', dataIndex: 'standardization', width: 100 },
    majorHazard: {
      title: '重大危险源',
      dataIndex: 'majorHazard',
      width: 100,
      render: (value: boolean) => (value ? '有' : '无'),
    },
    principal: {
      title: '主要负责人',
      key: 'principal',
      width: 160,
      render: (_value, row) => personWithPhone(row.principalName, row.principalPhone),
    },
    safetyManager: {
      title: '安全管理人员',
      key: 'safetyManager',
      width: 170,
      render: (_value, row) => personWithPhone(row.safetyManagerName, row.safetyManagerPhone),
    },
    employees: {
      title: '从业人员',
      dataIndex: 'employees',
      width: 100,
      align: 'right',
      sorter: true,
      sortOrder: order('employees'),
      render: formatCount,
    },
    gridWorkerName: { title: '网格员', dataIndex: 'gridWorkerName', width: 90, ellipsis: true },
    supervisingDept: { title: '行业主管部门', dataIndex: 'supervisingDept', width: 130, ellipsis: true },
    address: { title: '地址', dataIndex: 'address', width: 220, ellipsis: true },
    updatedAt: {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 150,
      sorter: true,
      sortOrder: order('updatedAt'),
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
    },
  };

  const columns: ColumnsType<Enterprise> = [
    {
      title: '序号',
      key: 'index',
      width: 56,
      fixed: 'left',
      render: (_value, _row, index) => (query.page - 1) * query.pageSize + index + 1,
    },
    {
      title: '企业名称',
      dataIndex: 'name',
      width: 230,
      fixed: 'left',
      sorter: true,
      sortOrder: order('name'),
      render: (name: string, row) => (
        <Space size={4} wrap={false}>
          <Link
            to={`/enterprises/${row.id}`}
            state={{ listSearch: params.toString() }}
            onClick={(event) => event.stopPropagation()}
          >
            {name}
          </Link>
          {row.status !== '在产' && <StatusTag status={row.status} />}
          {row.keySupervised && <Tag color="volcano">重点</Tag>}
          {row.majorHazard && <Tag color="purple">重大危险源</Tag>}
        </Space>
      ),
    },
    ...columnChoice.visible.map((key) => ({ key, ...optional[key] })),
  ];
  if (canWrite) {
    columns.push(
      rowActionsColumn<Enterprise>({
        onEdit: (enterprise) => setEditing({ mode: 'edit', enterprise }),
        onDelete: remove,
        confirmTitle: (enterprise) => `删除「${enterprise.name}」？`,
      }),
    );
  }

  const onTableChange = tableChangeHandler<Enterprise, NonNullable<EnterpriseListQuery['sortField']>>(update);

  const createDefaults = useMemo<Partial<EnterpriseFields> | undefined>(
    () => (query.villageId ? { villageId: query.villageId } : undefined),
    [query.villageId],
  );
  const filters: EnterpriseFilters = query;
  const counts = list.data?.riskCounts;

  return (
    <Card title="企业（一企一档）" variant="borderless">
      <div className="page-toolbar">
        <ListSearchBox q={query.q} onSearch={(q) => update({ q }, { replace: true })} label="搜索企业" placeholder="搜索名称/信用代码/地址/负责人/拼音首字母（如 hmzx）" width={440} searchRef={searchRef} />
        <span className="spacer" />
        <ColumnChooser
          columns={optionalColumns}
          visible={columnChoice.visible}
          onChange={columnChoice.setVisible}
          onReset={columnChoice.reset}
        />
        <PrintButton
          ledger="enterprises"
          state={{ filters, sortField: query.sortField, sortOrder: query.sortOrder, columns: ['name', ...columnChoice.visible] }}
        />
        <ExportButton
          request={{
            ledger: 'enterprises',
            filters: readEnterpriseFilters(params),
            sortField: query.sortField,
            sortOrder: query.sortOrder,
            // The list always shows 企业名称 first; the chosen columns keep their ledger keys.
            columns: ['name', ...columnChoice.visible],
          }}
        />
        {canImport && (
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
        <VillageFilter
          width={150}
          value={query.villageId}
          // Grid workers are listed per village, so a worker chosen under another village no longer fits.
          onChange={(villageId) => update({ villageId, gridWorkerId: undefined })}
        />
        <Select<number>
          aria-label="网格员"
          placeholder="全部网格员"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 130 }}
          value={workers.data ? query.gridWorkerId : undefined}
          options={(workers.data ?? []).map((worker) => ({ label: worker.name, value: worker.id }))}
          onChange={(gridWorkerId) => update({ gridWorkerId })}
        />
        <ChoiceFilter label="行业领域" placeholder="全部行业" width={150} values={industries} value={query.industry} onChange={(industry) => update({ industry })} />
        <ChoiceFilter label="经营状态" placeholder="全部状态" width={110} values={enterpriseStatuses} value={query.status} onChange={(status) => update({ status })} />
        <Select<StandardizationLevel>
          aria-label="标准化等级"
          placeholder="标准化等级"
          allowClear
          style={{ width: 120 }}
          value={query.standardization}
          options={standardizationLevels.map((level) => ({ label: `标准化${level}`, value: level }))}
          onChange={(standardization) => update({ standardization })}
        />
        <Select<string>
          aria-label="重点监管"
          placeholder="重点监管"
          allowClear
          style={{ width: 130 }}
          value={flagValue(query.keySupervised)}
          options={flagOptions('重点监管企业', '非重点监管')}
          onChange={(value) => update({ keySupervised: parseFlag(value) })}
        />
        <Select<string>
          aria-label="重大危险源"
          placeholder="重大危险源"
          allowClear
          style={{ width: 130 }}
          value={flagValue(query.majorHazard)}
          options={flagOptions('有重大危险源', '无重大危险源')}
          onChange={(value) => update({ majorHazard: parseFlag(value) })}
        />
        {hasActiveFilters(filters) && (
          <Button type="link" onClick={() => setParams(writeEnterpriseListQuery({ page: 1, pageSize: query.pageSize }))}>
            重置筛选
          </Button>
        )}
      </div>
      <div className="page-toolbar risk-bar" role="group" aria-label="四色风险分布">
        <Typography.Text type="secondary">四色风险：</Typography.Text>
        {riskLevels.map((level) => (
          <RiskCountTag
            key={level}
            level={level}
            count={counts?.[level]}
            active={query.riskLevel === level}
            onToggle={() => update({ riskLevel: query.riskLevel === level ? undefined : level })}
          />
        ))}
        <span className="spacer" />
        <Typography.Text type="secondary">
          共 <Typography.Text strong>{list.data?.total ?? 0}</Typography.Text> 家
        </Typography.Text>
      </div>
      <Table<Enterprise>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        rowClassName={() => 'clickable-row'}
        onRow={(enterprise) => ({
          onClick: () => {
            // Selecting text to copy (a USCC, a phone number) is not a request to open the profile.
            if (window.getSelection()?.toString()) return;
            openProfile(enterprise);
          },
        })}
        pagination={listPagination(query, list.data?.total, '家')}
        locale={{
          emptyText: list.error
            ? list.error.message
            : hasActiveFilters(filters)
              ? '没有符合条件的企业'
              : canImport
                ? '暂无企业，点击“新增”录入，或用“导入Excel”导入已有台账'
                : canWrite
                  ? '暂无企业，点击“新增”录入'
                  : '暂无企业',
        }}
      />
      <EnterpriseFormModal
        open={editing !== null}
        enterprise={editing?.mode === 'edit' ? editing.enterprise : null}
        defaults={createDefaults}
        onClose={() => setEditing(null)}
        onSaved={() => list.reload()}
      />
      {importing && <ImportWizard entity="enterprises" onClose={() => setImporting(false)} onImported={() => list.reload()} />}
    </Card>
  );
}

function flagValue(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function parseFlag(value: string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === 'true';
}

/** One colour of the 四色 summary: shows how many enterprises have it, and filters to them on click. */
function RiskCountTag(props: { level: RiskLevel; count: number | undefined; active: boolean; onToggle: () => void }) {
  const { level, count, active, onToggle } = props;
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
      color={riskTagColors[level]}
      variant={active ? 'solid' : 'outlined'}
      className="risk-count-tag"
      onClick={onToggle}
      onKeyDown={onKeyDown}
      title={active ? '再次点击取消筛选' : `只看${riskLevelLabels[level]}企业`}
    >
      {riskLevelLabels[level]}
      <span className="risk-count">{count ?? '–'}</span>
    </Tag>
  );
}
