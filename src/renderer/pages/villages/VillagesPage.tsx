import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import type { In } from '../../../shared/api';
import type { Village, VillageFields } from '../../../shared/api/villages';
import { villageKinds, type VillageKind } from '../../../shared/domain/village';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { useListShortcuts } from '../../components/listHooks';
import { PrintButton } from '../../print/PrintButton';
import { EntityFormModal } from '../../components/EntityFormModal';
import { ExportButton } from '../../components/ExportButton';
import { VillageFormFields } from './VillageForm';

type ListInput = In<'villages.list'>;
type Editing = { mode: 'create' } | { mode: 'edit'; village: Village } | null;

const newVillage: Partial<VillageFields> = { kind: '村' };

export function VillagesPage() {
  const [query, setQuery] = useState<ListInput>({ page: 1, pageSize: 20, sortField: 'code', sortOrder: 'ascend' });
  const [editing, setEditing] = useState<Editing>(null);
  const list = useApiQuery('villages.list', query);
  const { message } = App.useApp();
  const searchRef = useRef<HTMLInputElement>(null);
  const can = useCan();
  const canWrite = can('villages.create');

  useListShortcuts({ paused: !!editing, canCreate: canWrite, onCreate: () => setEditing({ mode: 'create' }), searchRef });

  async function remove(village: Village) {
    try {
      await callApi('villages.delete', { id: village.id });
      message.success(`已删除「${village.name}」，可在回收站恢复`);
      list.reload();
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
        width: 64,
        render: (_value, _row, index) => ((query.page ?? 1) - 1) * (query.pageSize ?? 20) + index + 1,
      },
      { title: '名称', dataIndex: 'name', width: 150, ellipsis: true, sorter: true, sortOrder: order('name') },
      {
        title: '类型',
        dataIndex: 'kind',
        width: 80,
        sorter: true,
        sortOrder: order('kind'),
        render: (kind: VillageKind) => <Tag color={kind === '社区' ? 'blue' : 'green'}>{kind}</Tag>,
      },
      { title: '区划代码', dataIndex: 'code', width: 140, sorter: true, sortOrder: order('code') },
      { title: '人口', dataIndex: 'population', width: 100, align: 'right', sorter: true, sortOrder: order('population'), render: formatCount },
      { title: '户数', dataIndex: 'households', width: 100, align: 'right', sorter: true, sortOrder: order('households'), render: formatCount },
      { title: '面积(km²)', dataIndex: 'areaKm2', width: 100, align: 'right' },
      { title: '负责人', dataIndex: 'contactName', width: 90 },
      { title: '联系电话', dataIndex: 'contactPhone', width: 130 },
      {
        title: '更新时间',
        dataIndex: 'updatedAt',
        width: 150,
        sorter: true,
        sortOrder: order('updatedAt'),
        render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
      },
      canWrite && {
        title: '操作',
        key: 'actions',
        width: 130,
        fixed: 'right',
        render: (_value, village) => (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', village })}>
              编辑
            </Button>
            <Popconfirm
              title={`删除「${village.name}」？`}
              description="删除后可在回收站中恢复。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => remove(village)}
            >
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ),
      },
        ] as (ColumnsType<Village>[number] | false)[]
      ).filter((column) => column !== false),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query, canWrite],
  );

  function order(field: NonNullable<ListInput['sortField']>) {
    return query.sortField === field ? query.sortOrder : null;
  }

  const onTableChange: TableProps<Village>['onChange'] = (pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    setQuery((previous) => ({
      ...previous,
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? 20,
      sortField: single?.order ? (single.field as ListInput['sortField']) : undefined,
      sortOrder: single?.order ?? undefined,
    }));
  };

  const editingVillage = editing?.mode === 'edit' ? editing.village : null;
  const initialValues = useMemo(() => editingVillage ?? newVillage, [editingVillage]);

  return (
    <Card title="村/社区" variant="borderless">
      <div className="page-toolbar">
        <Input.Search
          ref={(instance) => {
            searchRef.current = instance?.input ?? null;
          }}
          placeholder="搜索名称、区划代码、负责人（Ctrl+F）"
          allowClear
          style={{ width: 300 }}
          onSearch={(q) => setQuery((previous) => ({ ...previous, q: q || undefined, page: 1 }))}
        />
        <Select
          aria-label="类型"
          placeholder="全部类型"
          allowClear
          style={{ width: 120 }}
          value={query.kind}
          options={villageKinds.map((kind) => ({ label: kind, value: kind }))}
          onChange={(kind?: VillageKind) => setQuery((previous) => ({ ...previous, kind, page: 1 }))}
        />
        <span className="spacer" />
        <Typography.Text type="secondary">共 {list.data?.total ?? 0} 个</Typography.Text>
        <PrintButton ledger="villages" state={{ filters: { q: query.q, kind: query.kind }, sortField: query.sortField, sortOrder: query.sortOrder }} />
        <ExportButton
          request={{ ledger: 'villages', filters: { q: query.q, kind: query.kind }, sortField: query.sortField, sortOrder: query.sortOrder }}
        />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            新增（Ctrl+N）
          </Button>
        )}
      </div>
      <Table<Village>
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
        }}
        locale={{ emptyText: list.error ? list.error.message : '暂无村/社区，点击“新增”录入' }}
      />
      <EntityFormModal<VillageFields>
        open={editing !== null}
        title={editingVillage ? `编辑：${editingVillage.name}` : '新增村/社区'}
        initialValues={initialValues}
        onClose={() => setEditing(null)}
        onSave={async (values) => {
          const saved = editingVillage
            ? await callApi('villages.update', { ...values, id: editingVillage.id })
            : await callApi('villages.create', values);
          message.success(`已保存「${saved.name}」`);
          list.reload();
        }}
      >
        {() => <VillageFormFields />}
      </EntityFormModal>
    </Card>
  );
}

function formatCount(value: number | null): string {
  return value === null ? '' : value.toLocaleString('zh-CN');
}
