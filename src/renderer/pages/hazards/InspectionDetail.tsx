import { ArrowLeftOutlined, FileProtectOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { AttachmentsPanel } from '../../components/AttachmentsPanel';
import { AuditHistory } from '../../components/AuditHistory';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { loadedRecord } from '../../components/recordPlaceholder';
import { useUrlTab } from '../../components/useUrlTab';
import { TargetName, useBackState, useBackTo } from './display';
import { HazardTable } from './HazardTable';
import { OrderCreateModal } from './OrderForms';

const tabKeys = ['hazards', 'attachments', 'history'] as const;

/** One inspection: who checked what and when, the hazards it found, and the order for those still open. */
export function InspectionDetail() {
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const query = useApiQuery('inspections.get', validId ? { id } : null);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const [ordering, setOrdering] = useState(false);
  const [tab, setTab] = useUrlTab(tabKeys);
  const backTo = useBackTo('/hazards/inspections');
  const linkState = useBackState();
  const backLink = (
    <Link to={backTo}>
      <ArrowLeftOutlined /> 返回
    </Link>
  );
  const loaded = loadedRecord(query, id, { notFound: '未找到该检查记录', invalidId: '地址中的检查记录编号无效', backLink });
  if (!loaded.data) return loaded.placeholder;
  const inspection = loaded.data;
  // Hazards an order can still list: open and on none yet.
  const orderable = inspection.hazards.filter((hazard) => hazard.status !== '已销号' && hazard.orderId === null);
  const open = inspection.hazards.filter((hazard) => hazard.status !== '已销号').length;

  async function remove() {
    try {
      await callApi('inspections.delete', { id: inspection.id });
      message.success('已删除检查记录，可在回收站恢复');
      navigate(backTo);
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {backLink}
      <Card variant="borderless">
        <div className="hazard-header-top">
          <Space size={8} wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {inspection.targetName} · {inspection.inspectedOn} {inspection.kind}检查
            </Typography.Title>
            {inspection.hazardCount === 0 ? (
              <Tag color="green">未发现隐患</Tag>
            ) : (
              <Tag color={open ? 'gold' : 'green'}>
                隐患 {inspection.hazardCount} 条{open ? `，未销号 ${open} 条` : '，已全部销号'}
              </Tag>
            )}
            {inspection.majorCount > 0 && <Tag color="red">重大隐患 {inspection.majorCount} 条</Tag>}
          </Space>
          <Space wrap>
            {can('orders.create') && orderable.length > 0 && (
              <Button type="primary" icon={<FileProtectOutlined />} onClick={() => setOrdering(true)}>
                下达整改指令书
              </Button>
            )}
            {can('inspections.delete') && inspection.hazardCount === 0 && (
              <ConfirmDeleteButton title="删除这条检查记录？" description="删除后可在回收站恢复。" onConfirm={remove} />
            )}
          </Space>
        </div>
        <Descriptions
          bordered
          size="small"
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          styles={{ label: { width: 100, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'target', label: '被检查单位', children: <TargetName target={inspection} /> },
            { key: 'village', label: '村/社区', children: inspection.villageName },
            { key: 'industry', label: '行业领域', children: inspection.industry ?? '—' },
            { key: 'inspectedOn', label: '检查日期', children: inspection.inspectedOn },
            { key: 'kind', label: '检查类型', children: `${inspection.kind}检查` },
            { key: 'inspectors', label: '检查人员', children: inspection.inspectors },
            { key: 'items', label: '检查项目', children: <span style={{ whiteSpace: 'pre-wrap' }}>{inspection.items ?? '—'}</span>, span: 'filled' },
            { key: 'notes', label: '备注', children: <span style={{ whiteSpace: 'pre-wrap' }}>{inspection.notes ?? '—'}</span>, span: 'filled' },
            { key: 'created', label: '录入', children: `${inspection.createdBy}（${dayjs(inspection.createdAt).format('YYYY-MM-DD HH:mm')}）` },
          ]}
        />
      </Card>
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'hazards',
              label: `发现的隐患（${inspection.hazardCount}）`,
              children: (
                <HazardTable
                  showTarget={false}
                  linkState={linkState}
                  dataSource={inspection.hazards}
                  pagination={false}
                  rowClassName="clickable-row"
                  onRow={(row) => ({ onClick: () => navigate(`/hazards/${row.id}`, { state: linkState }) })}
                  locale={{ emptyText: '本次检查未发现隐患' }}
                />
              ),
            },
            { key: 'attachments', label: '检查照片与附件', children: <AttachmentsPanel entity="inspection" entityId={inspection.id} hint="检查记录表、现场照片等" /> },
            { key: 'history', label: '变更记录', children: <AuditHistory entity="inspection" entityId={inspection.id} labels={inspectionFieldLabels} /> },
          ]}
        />
      </Card>
      {ordering && (
        <OrderCreateModal
          preset={{ target: inspection, hazards: orderable }}
          onClose={() => setOrdering(false)}
          onSaved={(order) => {
            message.success(`已下达整改指令书 ${order.number}`);
            navigate(`/hazards/orders/${order.id}`, { state: linkState });
          }}
        />
      )}
    </Space>
  );
}

const inspectionFieldLabels: Record<string, string> = {
  targetName: '被检查单位',
  inspectedOn: '检查日期',
  kind: '检查类型',
  inspectors: '检查人员',
  items: '检查项目',
  notes: '备注',
  hazards: '发现的隐患',
};
