import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Divider, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { DrillTable } from './DrillList';
import { PlanFormModal } from './PlanForms';
import { PlanTable } from './PlanTable';
import { ReminderList } from './ReminderList';
import './plans.css';

/** An enterprise profile's 应急预案 tab: what is due, its plans with their due states, and its drills. */
export function RelatedPlans({ enterpriseId }: { enterpriseId: number }) {
  const plans = useApiQuery('plans.list', { enterpriseId, pageSize: 100, sortField: 'name', sortOrder: 'ascend' });
  const [page, setPage] = useState(1);
  const drills = useApiQuery('drills.list', { enterpriseId, page, pageSize: 10 });
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space>
        <Typography.Text type="secondary">共 {plans.data?.total ?? 0} 项预案</Typography.Text>
        <Link to={`/plans?enterpriseId=${enterpriseId}`}>在预案台账中查看</Link>
        {can('plans.create') && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增预案
          </Button>
        )}
      </Space>
      <Typography.Title level={5} style={{ margin: 0 }}>
        到期与逾期事项（30 天内）
      </Typography.Title>
      <ReminderList enterpriseId={enterpriseId} compact />
      <PlanTable showOwner={false} dataSource={plans.data?.items} loading={plans.loading} pagination={false} locale={{ emptyText: '暂无预案' }} />
      <Divider titlePlacement="start" plain>
        演练记录
      </Divider>
      <DrillTable
        showOwner={false}
        dataSource={drills.data?.items}
        loading={drills.loading}
        pagination={{ current: page, pageSize: 10, total: drills.data?.total, onChange: setPage, showSizeChanger: false }}
        locale={{ emptyText: '暂无演练记录' }}
      />
      {creating && (
        <PlanFormModal
          open
          plan={null}
          preset={{ ownerType: 'enterprise', enterpriseId, kind: '综合预案' }}
          onClose={() => setCreating(false)}
          onSaved={(plan) => {
            message.success(`已登记预案「${plan.name}」`);
            navigate(`/plans/${plan.id}`);
          }}
        />
      )}
    </Space>
  );
}
