import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { PlanRow } from '../../../shared/api/plans';
import { planKinds, planOwnerTypeLabels, planOwnerTypes, planStatuses } from '../../../shared/domain/emergencyPlan';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { ExportButton } from '../../components/ExportButton';
import { ImportWizard } from '../../components/imports/ImportWizard';
import { useListShortcuts } from '../../components/listHooks';
import { ChoiceFilter, VillageFilter } from '../../components/ListFilters';
import { ListSearchBox } from '../../components/ListSearchBox';
import { listPagination, tableChangeHandler, ToggleTag } from '../../components/listTable';
import { PrintButton } from '../../print/PrintButton';
import { PlanFormModal } from './PlanForms';
import { planColumns } from './PlanTable';
import { hasActivePlanFilters, lastPlanListSearchKey, planFiltersOf, readPlanListQuery, writePlanListQuery, type PlanListQuery } from './listParams';

const sortable = new Set(['issuedOn', 'nextEvaluation', 'nextDrill', 'name']);

/** 应急预案管理台账: every plan of the town, its departments, villages and enterprises, with the due dates the rules set. */
export function PlanList() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readPlanListQuery(params), [params]);
  const filters = useMemo(() => planFiltersOf(query), [query]);
  const list = useApiQuery('plans.list', query);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const canWrite = can('plans.create');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  function update(patch: Partial<PlanListQuery>, options: { replace?: boolean } = {}) {
    setParams(writePlanListQuery({ ...query, page: 1, ...patch }), { replace: options.replace });
  }

  useEffect(() => {
    sessionStorage.setItem(lastPlanListSearchKey, params.toString());
  }, [params]);

  useListShortcuts({ paused: creating || importing, canCreate: canWrite, onCreate: () => setCreating(true), searchRef });

  const listState = { listSearch: params.toString() };
  const columns = planColumns({ linkState: listState }).map((column) =>
    sortable.has(String(column.key)) ? { ...column, sorter: true, sortOrder: query.sortField === column.key ? (query.sortOrder ?? 'ascend') : null } : column,
  );
  const onTableChange = tableChangeHandler<PlanRow, NonNullable<PlanListQuery['sortField']>>((patch) => update(patch));
  const ledgerState = { filters, sortField: query.sortField, sortOrder: query.sortOrder };
  const active = hasActivePlanFilters(filters);

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div className="page-toolbar">
        <ListSearchBox q={query.q} onSearch={(q) => update({ q }, { replace: true })} label="搜索预案" placeholder="搜索预案名称/单位/文号/备案编号" width={320} searchRef={searchRef} />
        <span className="spacer" />
        <PrintButton ledger="plans" state={ledgerState} />
        <ExportButton request={{ ledger: 'plans', ...ledgerState }} />
        {can('imports.start') && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            导入Excel
          </Button>
        )}
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增预案（Ctrl+N）
          </Button>
        )}
      </div>
      <div className="page-toolbar">
        <ChoiceFilter
          label="所属单位类型"
          placeholder="全部单位类型"
          width={140}
          values={planOwnerTypes.map((type) => planOwnerTypeLabels[type])}
          value={query.ownerType ? planOwnerTypeLabels[query.ownerType] : undefined}
          onChange={(label) => update({ ownerType: planOwnerTypes.find((type) => planOwnerTypeLabels[type] === label) })}
        />
        <ChoiceFilter label="预案类别" placeholder="全部类别" width={130} values={planKinds} value={query.kind} onChange={(kind) => update({ kind })} />
        <ChoiceFilter label="状态" placeholder="全部状态" width={110} values={planStatuses} value={query.status} onChange={(status) => update({ status })} />
        <VillageFilter label="所属村/社区" width={140} value={query.villageId} onChange={(villageId) => update({ villageId })} />
        <ToggleTag label="已逾期" active={query.due === 'overdue'} onToggle={() => update({ due: query.due === 'overdue' ? undefined : 'overdue' })} />
        <ToggleTag label="30天内到期或已逾期" active={query.due === 'due'} onToggle={() => update({ due: query.due === 'due' ? undefined : 'due' })} />
        {active && (
          <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            重置筛选
          </Button>
        )}
      </div>
      <Table<PlanRow>
        rowKey="id"
        size="middle"
        columns={[{ title: '序号', key: 'index', width: 56, render: (_value, _row, index) => (query.page - 1) * query.pageSize + index + 1 }, ...columns]}
        dataSource={list.data?.items}
        loading={list.loading}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        rowClassName="clickable-row"
        onRow={(row) => ({
          onClick: () => {
            if (window.getSelection()?.toString()) return;
            navigate(`/plans/${row.id}`, { state: listState });
          },
        })}
        pagination={listPagination(query, list.data?.total, '项')}
        locale={{ emptyText: list.error ? list.error.message : active ? '没有符合条件的预案' : canWrite ? '暂无预案，点击“新增预案”登记' : '暂无预案' }}
      />
      <Typography.Text type="secondary">
        期限按《生产安全事故应急预案管理办法》（应急管理部令第2号）计算：所列单位发布后 20 个工作日内备案（第二十六条），每三年评估一次（第三十五条），综合/专项预案每年、现场处置方案和所列单位每半年演练一次（第三十三条）。工作日按“设置 → 节假日安排”计算。
      </Typography.Text>
      {creating && (
        <PlanFormModal
          open
          plan={null}
          onClose={() => setCreating(false)}
          onSaved={(plan) => {
            message.success(`已登记预案「${plan.name}」`);
            navigate(`/plans/${plan.id}`, { state: listState });
          }}
        />
      )}
      {importing && <ImportWizard entity="plans" onClose={() => setImporting(false)} onImported={() => list.reload()} />}
    </Space>
  );
}
