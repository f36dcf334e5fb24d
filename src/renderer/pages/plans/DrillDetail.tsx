import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
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
import { OwnerName } from './display';
import { DrillFormModal } from './DrillForm';

const tabKeys = ['attachments', 'history'] as const;

/** One drill: its facts, the evaluation report and photos (第三十四条), and its history. */
export function DrillDetail() {
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const query = useApiQuery('drills.get', validId ? { id } : null);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useUrlTab(tabKeys);
  const backLink = (
    <Link to="/plans/drills">
      <ArrowLeftOutlined /> 返回演练记录
    </Link>
  );
  const loaded = loadedRecord(query, id, { notFound: '未找到该演练记录', invalidId: '地址中的演练编号无效', backLink });
  if (!loaded.data) return loaded.placeholder;
  const drill = loaded.data;

  async function remove() {
    try {
      await callApi('drills.delete', { id: drill.id });
      message.success(`已删除演练「${drill.name}」，可在回收站恢复`);
      navigate('/plans/drills');
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {backLink}
      <Card variant="borderless">
        <div className="plan-header-top">
          <Space size={8} wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {drill.name}
            </Typography.Title>
            <Tag style={{ marginInlineEnd: 0 }}>{drill.scope}</Tag>
            <Tag color={drill.form === '实战演练' ? 'volcano' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {drill.form}
            </Tag>
            {drill.evaluation ? <Tag color="green">已评估</Tag> : <Tag color="orange">未评估</Tag>}
          </Space>
          {can('drills.update') && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
              <ConfirmDeleteButton title={`删除演练「${drill.name}」？`} description="删除后可在回收站恢复。" onConfirm={remove} />
            </Space>
          )}
        </div>
        <Descriptions
          size="small"
          style={{ marginTop: 16 }}
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'owner',
              label: '所属单位',
              children: <OwnerName owner={drill} link />,
            },
            { key: 'plan', label: '演练的预案', children: drill.planId ? <Link to={`/plans/${drill.planId}`}>{drill.planName}</Link> : '未对应预案' },
            { key: 'heldOn', label: '演练日期', children: drill.heldOn },
            { key: 'organiser', label: '组织单位', children: drill.organiser },
            { key: 'place', label: '演练地点', children: drill.place ?? '—' },
            { key: 'participants', label: '参与人数', children: `${drill.participants} 人` },
            { key: 'fireBrigade', label: '消防救援队伍参与', children: drill.fireBrigade ? '是' : '否' },
            { key: 'summary', label: '演练情况', children: drill.summary ?? '—', span: 3 },
            { key: 'evaluation', label: '评估结论', children: drill.evaluation ?? '未评估（第三十四条：演练结束后应当对演练效果进行评估）', span: 3 },
          ]}
        />
      </Card>
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'attachments', label: '评估报告与照片', children: <AttachmentsPanel entity="drill" entityId={drill.id} hint="演练评估报告、现场照片、签到表等" /> },
            { key: 'history', label: '变更记录', children: <AuditHistory entity="drill" entityId={drill.id} /> },
          ]}
        />
      </Card>
      {editing && <DrillFormModal open drill={drill} onClose={() => setEditing(false)} onSaved={() => query.reload()} />}
    </Space>
  );
}
