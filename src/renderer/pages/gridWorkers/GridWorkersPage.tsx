import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Popconfirm, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { In } from '../../../shared/api';
import { gridWorkerKinds, type GridWorker, type GridWorkerFields } from '../../../shared/api/gridWorkers';
import { ApiCallError, callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { useListShortcuts } from '../../components/listHooks';
import { EntityFormModal } from '../../components/EntityFormModal';
import { ExportButton } from '../../components/ExportButton';
import { PrintButton } from '../../print/PrintButton';

type ListInput = In<'gridWorkers.list'> & { page: number; pageSize: number };
type Editing = { mode: 'create' } | { mode: 'edit'; worker: GridWorker } | null;

const newWorker: Partial<GridWorkerFields> = { kind: '村（社区）网格员', villageIds: [] };

/** 网格员: who watches which villages, and how many enterprises each looks after. */
export function GridWorkersPage() {
  const [query, setQuery] = useState<ListInput>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Editing>(null);
  const list = useApiQuery('gridWorkers.list', query);
  const villages = useApiQuery('villages.options', {});
  const { message, modal } = App.useApp();
  const searchRef = useRef<HTMLInputElement>(null);
  const can = useCan();
  const canWrite = can('gridWorkers.update');

  const searchTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(searchTimer.current), []);
  function search(text: string, delay: number) {
    window.clearTimeout(searchTimer.current);
    searchTimer.current = window.setTimeout(() => setQuery((previous) => ({ ...previous, q: text.trim() || undefined, page: 1 })), delay);
  }

  useListShortcuts({ paused: !!editing, canCreate: canWrite, onCreate: () => setEditing({ mode: 'create' }), searchRef });

  async function remove(worker: GridWorker) {
    try {
      await callApi('gridWorkers.delete', { id: worker.id });
      message.success(`已删除网格员「${worker.name}」，可在回收站恢复`);
      list.reload();
    } catch (error) {
      // Refused while enterprises still name this worker; the message says how many and what to do.
      if (error instanceof ApiCallError && error.code === 'CONFLICT') {
        modal.error({ title: `无法删除网格员「${worker.name}」`, content: error.message, okText: '知道了' });
      } else {
        message.error((error as Error).message);
      }
    }
  }

  const columns: ColumnsType<GridWorker> = [
    { title: '序号', key: 'index', width: 64, render: (_value, _row, index) => (query.page - 1) * query.pageSize + index + 1 },
    { title: '姓名', dataIndex: 'name', width: 100 },
    {
      title: '类别',
      dataIndex: 'kind',
      width: 150,
      render: (kind: GridWorker['kind']) => <Tag color={kind === '企业网格员' ? 'purple' : 'cyan'}>{kind}</Tag>,
    },
    { title: '联系电话', dataIndex: 'phone', width: 140 },
    {
      title: '负责村(社区)',
      dataIndex: 'villageNames',
      render: (names: string[]) => (
        <Space size={[0, 4]} wrap>
          {names.map((name) => (
            <Tag key={name}>{name}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '负责企业数',
      dataIndex: 'enterpriseCount',
      width: 110,
      align: 'right',
      render: (count: number, worker) =>
        count > 0 ? (
          <Link to={`/enterprises?gridWorkerId=${worker.id}`} title={`查看「${worker.name}」负责的企业`}>
            {count}
          </Link>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    { title: '备注', dataIndex: 'notes', width: 180, ellipsis: true },
  ];
  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_value, worker) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', worker })}>
            编辑
          </Button>
          <Popconfirm
            title={`删除网格员「${worker.name}」？`}
            description="删除后可在回收站恢复。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => remove(worker)}
          >
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  const editingWorker = editing?.mode === 'edit' ? editing.worker : null;
  const initialValues = useMemo<Partial<GridWorkerFields>>(
    () =>
      editingWorker
        ? { name: editingWorker.name, kind: editingWorker.kind, phone: editingWorker.phone, villageIds: editingWorker.villageIds, notes: editingWorker.notes }
        : { ...newWorker, villageIds: query.villageId ? [query.villageId] : [] },
    [editingWorker, query.villageId],
  );
  const villageOptions = (villages.data ?? []).map((village) => ({ label: village.name, value: village.id }));

  return (
    <Card title="网格员" variant="borderless">
      <div className="page-toolbar">
        <Input.Search
          ref={(instance) => {
            searchRef.current = instance?.input ?? null;
          }}
          aria-label="搜索网格员"
          placeholder="搜索姓名、电话（Ctrl+F）"
          allowClear
          style={{ width: 260 }}
          onChange={(event) => search(event.target.value, 300)}
          onSearch={(text) => search(text, 0)}
        />
        <Select<number>
          aria-label="负责村/社区"
          placeholder="全部村/社区"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 160 }}
          value={query.villageId}
          options={villageOptions}
          onChange={(villageId) => setQuery((previous) => ({ ...previous, villageId, page: 1 }))}
        />
        <span className="spacer" />
        <Typography.Text type="secondary">共 {list.data?.total ?? 0} 人</Typography.Text>
        <PrintButton ledger="gridWorkers" state={{ filters: { q: query.q, villageId: query.villageId } }} />
        <ExportButton request={{ ledger: 'gridWorkers', filters: { q: query.q, villageId: query.villageId } }} />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            新增（Ctrl+N）
          </Button>
        )}
      </div>
      <Table<GridWorker>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 人`,
          onChange: (page, pageSize) => setQuery((previous) => ({ ...previous, page, pageSize })),
        }}
        locale={{ emptyText: list.error ? list.error.message : canWrite ? '暂无网格员，点击“新增”录入' : '暂无网格员' }}
      />
      <EntityFormModal<GridWorkerFields>
        open={editing !== null}
        title={editingWorker ? `编辑网格员：${editingWorker.name}` : '新增网格员'}
        initialValues={initialValues}
        onClose={() => setEditing(null)}
        onSave={async (values) => {
          const fields: GridWorkerFields = {
            name: values.name,
            kind: values.kind,
            phone: values.phone,
            villageIds: values.villageIds ?? [],
            notes: values.notes,
          };
          const saved = editingWorker
            ? await callApi('gridWorkers.update', { ...fields, id: editingWorker.id })
            : await callApi('gridWorkers.create', fields);
          message.success(`已保存网格员「${saved.name}」`);
          list.reload();
        }}
      >
        {() => (
          <>
            <Row gutter={16}>
              <Col span={10}>
                <Form.Item label="姓名" name="name" required>
                  <Input autoFocus maxLength={20} />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item label="类别" name="kind" required>
                  <Radio.Group optionType="button" options={gridWorkerKinds.map((kind) => ({ label: kind, value: kind }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label="联系电话" name="phone">
              <Input maxLength={30} placeholder="手机或固话，如 13800138000" style={{ maxWidth: 260 }} />
            </Form.Item>
            <Form.Item label="负责村/社区" name="villageIds" required tooltip="可选多个；录入企业时按所属村/社区筛选网格员">
              <Select mode="multiple" placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} options={villageOptions} />
            </Form.Item>
            <Form.Item label="备注" name="notes">
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
          </>
        )}
      </EntityFormModal>
    </Card>
  );
}
