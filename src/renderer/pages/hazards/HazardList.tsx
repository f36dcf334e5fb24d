import { FileAddOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Hazard } from '../../../shared/api/hazards';
import { industries } from '../../../shared/domain/enterprise';
import { hazardLevels, hazardSources, hazardStatuses } from '../../../shared/domain/hazard';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { ExportButton } from '../../components/ExportButton';
import { ImportWizard } from '../../components/imports/ImportWizard';
import { useListShortcuts } from '../../components/listHooks';
import { ChoiceFilter, VillageFilter } from '../../components/ListFilters';
import { ListSearchBox } from '../../components/ListSearchBox';
import { listPagination, tableChangeHandler, ToggleTag } from '../../components/listTable';
import { MajorHazardNoticeButton } from '../../print/HazardPrintButtons';
import { PrintButton } from '../../print/PrintButton';
import { targetKey, useBackState } from './display';
import { HazardCreateModal } from './HazardForms';
import { hazardColumns } from './HazardTable';
import { hasActiveHazardFilters, hazardFiltersOf, lastHazardListSearchKey, readHazardListQuery, writeHazardListQuery, type HazardListQuery } from './listParams';
import { OrderCreateModal } from './OrderForms';

const sortable = new Set(['number', 'foundOn', 'deadline']);

/** Only open hazards not yet on an order can go on a new one. */
const orderable = (row: Hazard) => row.status !== '已销号' && row.orderId === null;

/** 隐患台账: every hazard found, with its state, deadline and order; rows of one unit can be put on an order. */
export function HazardList() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readHazardListQuery(params), [params]);
  const filters = useMemo(() => hazardFiltersOf(query), [query]);
  const list = useApiQuery('hazards.list', query);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const canInspect = can('inspections.create');
  const canOrder = can('orders.create');
  const [dialog, setDialog] = useState<'create' | 'order' | 'import' | null>(null);
  const [selected, setSelected] = useState<Hazard[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const linkState = useBackState();

  function update(patch: Partial<HazardListQuery>, options: { replace?: boolean } = {}) {
    setParams(writeHazardListQuery({ ...query, page: 1, ...patch }), { replace: options.replace });
  }

  useEffect(() => {
    sessionStorage.setItem(lastHazardListSearchKey, params.toString());
  }, [params]);

  const newInspection = () => navigate('/hazards/inspections/new', { state: linkState });
  useListShortcuts({ paused: dialog !== null, canCreate: canInspect, onCreate: newInspection, searchRef });

  const columns = hazardColumns({ linkState }).map((column) =>
    sortable.has(String(column.key)) ? { ...column, sorter: true, sortOrder: (query.sortField ?? 'foundOn') === column.key ? (query.sortOrder ?? 'descend') : null } : column,
  );
  const ledgerState = { filters, sortField: query.sortField, sortOrder: query.sortOrder };
  const active = hasActiveHazardFilters(filters);
  const unit = selected[0];
  const unitFilter = query.enterpriseId || query.idleSiteId ? (list.data?.items[0]?.targetName ?? '所选单位') : null;

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div className="page-toolbar">
        <ListSearchBox q={query.q} onSearch={(q) => update({ q }, { replace: true })} label="搜索隐患" placeholder="搜索编号/单位/部位/描述/指令书编号" width={320} searchRef={searchRef} />
        <span className="spacer" />
        <PrintButton ledger="hazards" state={ledgerState} />
        <MajorHazardNoticeButton villageId={query.villageId} />
        <ExportButton request={{ ledger: 'hazards', ...ledgerState }} />
        {can('imports.start') && (
          <Button icon={<ImportOutlined />} onClick={() => setDialog('import')}>
            导入Excel
          </Button>
        )}
        {can('hazards.create') && (
          <Button icon={<FileAddOutlined />} onClick={() => setDialog('create')}>
            登记隐患（自查/举报）
          </Button>
        )}
        {canInspect && (
          <Button type="primary" icon={<PlusOutlined />} onClick={newInspection}>
            新增检查（Ctrl+N）
          </Button>
        )}
      </div>
      <div className="page-toolbar">
        <ChoiceFilter label="隐患等级" placeholder="全部等级" width={100} values={hazardLevels} value={query.level} onChange={(level) => update({ level })} />
        <ChoiceFilter label="整改状态" placeholder="全部状态" width={100} values={hazardStatuses} value={query.status} onChange={(status) => update({ status })} />
        <VillageFilter label="所属村/社区" width={130} value={query.villageId} onChange={(villageId) => update({ villageId })} />
        <ChoiceFilter label="行业领域" placeholder="全部行业" width={130} values={industries} value={query.industry} onChange={(industry) => update({ industry })} />
        <ChoiceFilter label="隐患来源" placeholder="全部来源" width={100} values={hazardSources} value={query.source} onChange={(source) => update({ source })} />
        <DatePicker.RangePicker
          aria-label="发现日期"
          placeholder={['发现日期从', '至']}
          style={{ width: 240 }}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <ToggleTag label="逾期未整改" active={!!query.overdue} onToggle={() => update({ overdue: query.overdue ? undefined : true })} />
        <ToggleTag label="未下达指令书" active={!!query.withoutOrder} onToggle={() => update({ withoutOrder: query.withoutOrder ? undefined : true })} />
        {unitFilter && (
          <Tag closable onClose={() => update({ enterpriseId: undefined, idleSiteId: undefined })} style={{ marginInlineEnd: 0 }}>
            单位：{unitFilter}
          </Tag>
        )}
        {(query.inspectionId || query.orderId) && (
          <Tag closable onClose={() => update({ inspectionId: undefined, orderId: undefined })} style={{ marginInlineEnd: 0 }}>
            {query.orderId ? '仅看该指令书的隐患' : '仅看该次检查的隐患'}
          </Tag>
        )}
        {active && (
          <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            重置筛选
          </Button>
        )}
      </div>
      {canOrder && (
        <div className="page-toolbar hazard-selection-bar">
          {unit ? (
            <>
              <Typography.Text>
                已选 <Typography.Text strong>{selected.length}</Typography.Text> 条「{unit.targetName}」的隐患
              </Typography.Text>
              <Button type="primary" size="small" onClick={() => setDialog('order')}>
                下达整改指令书
              </Button>
              <Button size="small" onClick={() => setSelected([])}>
                取消选择
              </Button>
            </>
          ) : (
            <Typography.Text type="secondary">勾选同一单位未销号、未下达指令书的隐患，可一并下达整改指令书</Typography.Text>
          )}
        </div>
      )}
      <Table<Hazard>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        onChange={tableChangeHandler<Hazard, NonNullable<HazardListQuery['sortField']>>((patch) => update(patch))}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => `clickable-row${row.overdue ? ' hazard-overdue-row' : ''}`}
        onRow={(row) => ({
          onClick: () => {
            if (window.getSelection()?.toString()) return;
            navigate(`/hazards/${row.id}`, { state: linkState });
          },
        })}
        rowSelection={
          canOrder
            ? {
                columnWidth: 40,
                selectedRowKeys: selected.map((row) => row.id),
                preserveSelectedRowKeys: true,
                hideSelectAll: !unit,
                getCheckboxProps: (row) => ({
                  disabled: !orderable(row) || (!!unit && targetKey(unit) !== targetKey(row)),
                  title: !orderable(row) ? (row.orderId ? '已列入指令书' : '已销号') : unit && targetKey(unit) !== targetKey(row) ? '一份指令书只能列同一单位的隐患' : undefined,
                }),
                onChange: (keys, rows) =>
                  setSelected(
                    keys
                      .map((key) => rows.find((row) => row?.id === key) ?? selected.find((row) => row.id === key))
                      .filter((row): row is Hazard => !!row),
                  ),
              }
            : undefined
        }
        pagination={listPagination(query, list.data?.total, '条')}
        locale={{ emptyText: list.error ? list.error.message : active ? '没有符合条件的隐患' : '暂无隐患；检查中发现的隐患请在“新增检查”中登记' }}
      />
      {dialog === 'create' && (
        <HazardCreateModal
          onClose={() => setDialog(null)}
          onSaved={(hazard) => {
            message.success(`已登记隐患 ${hazard.number}`);
            navigate(`/hazards/${hazard.id}`, { state: linkState });
          }}
        />
      )}
      {dialog === 'import' && <ImportWizard entity="hazards" onClose={() => setDialog(null)} onImported={() => list.reload()} />}
      {dialog === 'order' && unit && (
        <OrderCreateModal
          preset={{ target: unit, hazards: selected }}
          onClose={() => setDialog(null)}
          onSaved={(order) => {
            message.success(`已下达整改指令书 ${order.number}`);
            setSelected([]);
            navigate(`/hazards/orders/${order.id}`, { state: linkState });
          }}
        />
      )}
    </Space>
  );
}
