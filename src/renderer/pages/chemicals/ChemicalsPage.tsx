import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import type { In } from '../../../shared/api';
import type { Chemical, ChemicalFields } from '../../../shared/api/chemicals';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { useListShortcuts } from '../../components/listHooks';
import { rowActionsColumn, tableChangeHandler } from '../../components/listTable';
import { EntityFormModal } from '../../components/EntityFormModal';
import { ChemicalFormFields } from './ChemicalForm';
import { MajorHazardCalculator } from './MajorHazardCalculator';

type ListInput = In<'chemicals.list'>;
type Editing = { mode: 'create' } | { mode: 'edit'; chemical: Chemical } | null;

const newChemical: Partial<ChemicalFields> = {};

/** The chemical catalogue (化学品目录) with the 重大危险源 calculator that uses its Q and β. */
export function ChemicalsPage() {
  const [query, setQuery] = useState<ListInput>({ page: 1, pageSize: 20, sortField: 'name', sortOrder: 'ascend' });
  const [editing, setEditing] = useState<Editing>(null);
  const list = useApiQuery('chemicals.list', query);
  // Every live entry, for the calculator's Q and β; the catalogue is a few hundred entries at most.
  const catalogue = useApiQuery('chemicals.options', { limit: 500 });
  const { message } = App.useApp();
  const searchRef = useRef<HTMLInputElement>(null);
  const can = useCan();
  const canWrite = can('chemicals.create');

  useListShortcuts({ paused: !!editing, canCreate: canWrite, onCreate: () => setEditing({ mode: 'create' }), searchRef });

  function reload() {
    list.reload();
    catalogue.reload();
  }

  async function remove(chemical: Chemical) {
    try {
      await callApi('chemicals.delete', { id: chemical.id });
      message.success(`已删除「${chemical.name}」，可在回收站恢复`);
      reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  const columns = useMemo(
    () =>
      (
        [
          {
            title: '序号',
            key: 'index',
            width: 56,
            render: (_value, _row, index) => ((query.page ?? 1) - 1) * (query.pageSize ?? 20) + index + 1,
          },
          { title: '名称', dataIndex: 'name', width: 120, sorter: true, sortOrder: order('name') },
          { title: '别名', dataIndex: 'aliases', width: 150, ellipsis: true },
          { title: 'CAS号', dataIndex: 'cas', width: 110, sorter: true, sortOrder: order('cas') },
          { title: '危险性类别', dataIndex: 'hazardClass', width: 120, ellipsis: true },
          {
            title: '临界量(t)',
            dataIndex: 'criticalQuantity',
            width: 100,
            align: 'right',
            sorter: true,
            sortOrder: order('criticalQuantity'),
            render: formatNumber,
          },
          { title: '校正系数β', dataIndex: 'beta', width: 90, align: 'right', render: formatNumber },
          {
            title: '依据',
            key: 'refs',
            width: 180,
            render: (_value, chemical) => <References chemical={chemical} />,
          },
          canWrite &&
            rowActionsColumn<Chemical>({
              onEdit: (chemical) => setEditing({ mode: 'edit', chemical }),
              onDelete: remove,
              confirmTitle: (chemical) => `删除「${chemical.name}」？`,
              confirmDescription: '删除后可在回收站中恢复。',
            }),
        ] as (ColumnsType<Chemical>[number] | false)[]
      ).filter((column) => column !== false),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query, canWrite],
  );

  function order(field: NonNullable<ListInput['sortField']>) {
    return query.sortField === field ? query.sortOrder : null;
  }

  // The catalogue always has an order: clearing a column's sort goes back to 名称.
  const onTableChange = tableChangeHandler<Chemical, NonNullable<ListInput['sortField']>>((patch) =>
    setQuery((previous) => ({ ...previous, ...patch, sortField: patch.sortField ?? 'name', sortOrder: patch.sortOrder ?? 'ascend' })),
  );

  const editingChemical = editing?.mode === 'edit' ? editing.chemical : null;
  const initialValues = useMemo(() => editingChemical ?? newChemical, [editingChemical]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="化学品目录" variant="borderless" className="chemical-catalogue">
        <div className="page-toolbar">
          <Input.Search
            ref={(instance) => {
              searchRef.current = instance?.input ?? null;
            }}
            placeholder="搜索名称、别名、CAS号（Ctrl+F）"
            allowClear
            style={{ width: 300 }}
            onSearch={(q) => setQuery((previous) => ({ ...previous, q: q || undefined, page: 1 }))}
          />
          <Typography.Text type="secondary">临界量、校正系数须注明出处（GB 18218-2018 表号），供重大危险源辨识使用。</Typography.Text>
          <span className="spacer" />
          <Typography.Text type="secondary">共 {list.data?.total ?? 0} 种</Typography.Text>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              新增（Ctrl+N）
            </Button>
          )}
        </div>
        <Table<Chemical>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.loading}
          onChange={onTableChange}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: list.data?.total,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 条`,
            hideOnSinglePage: true,
          }}
          locale={{ emptyText: list.error ? list.error.message : query.q ? '没有符合条件的化学品' : '目录为空，点击“新增”录入' }}
        />
      </Card>
      <MajorHazardCalculator catalogue={catalogue.data ?? []} />
      <EntityFormModal<ChemicalFields>
        open={editing !== null}
        title={editingChemical ? `编辑：${editingChemical.name}` : '新增化学品'}
        initialValues={initialValues}
        onClose={() => setEditing(null)}
        onSave={async (values) => {
          const saved = editingChemical
            ? await callApi('chemicals.update', { ...values, id: editingChemical.id })
            : await callApi('chemicals.create', values);
          message.success(`已保存「${saved.name}」`);
          reload();
        }}
      >
        {() => <ChemicalFormFields />}
      </EntityFormModal>
    </Space>
  );
}

/** Where Q and β come from, one line each, so an inspector sees the source next to the number. */
function References({ chemical }: { chemical: Chemical }) {
  const lines = [
    chemical.criticalQuantityRef && `Q：${chemical.criticalQuantityRef}`,
    chemical.betaRef && `β：${chemical.betaRef}`,
  ].filter(Boolean);
  if (lines.length === 0) return null;
  return (
    <Space orientation="vertical" size={0}>
      {lines.map((line) => (
        <Typography.Text key={line as string} style={{ fontSize: 12 }}>
          {line}
        </Typography.Text>
      ))}
    </Space>
  );
}

function formatNumber(value: number | null): string {
  return value === null ? '' : String(value);
}
