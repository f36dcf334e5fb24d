import { FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Divider, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { useBackState } from './display';
import { HazardCreateModal } from './HazardForms';
import { HazardTable } from './HazardTable';
import { InspectionTable } from './InspectionList';
import { OrderTable } from './OrderList';
import './hazards.css';

/**
 * The 隐患与检查 tab of an enterprise's profile or an idle site's page: its open and overdue counts, its hazards
 * (newest first), its inspections and (for an enterprise) its rectification orders.
 */
export function RelatedHazards(props: { enterpriseId: number; idleSiteId?: undefined; name: string } | { idleSiteId: number; enterpriseId?: undefined; name: string }) {
  const unit = props.enterpriseId ? { enterpriseId: props.enterpriseId } : { idleSiteId: props.idleSiteId };
  const unitParam = props.enterpriseId ? `enterpriseId=${props.enterpriseId}` : `idleSiteId=${props.idleSiteId}`;
  const [hazardPage, setHazardPage] = useState(1);
  const [inspectionPage, setInspectionPage] = useState(1);
  const hazards = useApiQuery('hazards.list', { ...unit, page: hazardPage, pageSize: 10, sortField: 'foundOn', sortOrder: 'descend' });
  const closed = useApiQuery('hazards.list', { ...unit, status: '已销号', pageSize: 1 });
  const overdue = useApiQuery('hazards.list', { ...unit, overdue: true, pageSize: 1 });
  const inspections = useApiQuery('inspections.list', { ...unit, page: inspectionPage, pageSize: 10 });
  const orders = useApiQuery('orders.list', props.enterpriseId ? { enterpriseId: props.enterpriseId, pageSize: 50 } : null);
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const linkState = useBackState();
  const [creating, setCreating] = useState(false);
  const total = hazards.data?.total ?? 0;
  const unclosed = total - (closed.data?.total ?? 0);

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text type="secondary">
          共检查 {inspections.data?.total ?? 0} 次，查出隐患 {total} 条
          {total > 0 && `，未销号 ${unclosed} 条`}
          {overdue.data?.total ? (
            <>
              ，<Typography.Text type="danger">逾期 {overdue.data.total} 条</Typography.Text>
            </>
          ) : null}
        </Typography.Text>
        <Link to={`/hazards?${unitParam}`}>在隐患台账中查看</Link>
        {can('inspections.create') && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/hazards/inspections/new?${unitParam}`, { state: linkState })}>
            新增检查
          </Button>
        )}
        {can('hazards.create') && (
          <Button size="small" icon={<FileAddOutlined />} onClick={() => setCreating(true)}>
            登记隐患（自查/举报）
          </Button>
        )}
      </Space>
      <Divider titlePlacement="start" plain>
        隐患
      </Divider>
      <HazardTable
        showTarget={false}
        linkState={linkState}
        dataSource={hazards.data?.items}
        loading={hazards.loading}
        rowClassName="clickable-row"
        onRow={(row) => ({ onClick: () => navigate(`/hazards/${row.id}`, { state: linkState }) })}
        pagination={{ current: hazardPage, pageSize: 10, total: hazards.data?.total, onChange: setHazardPage, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无隐患记录' }}
      />
      <Divider titlePlacement="start" plain>
        检查记录
      </Divider>
      <InspectionTable
        showTarget={false}
        linkState={linkState}
        dataSource={inspections.data?.items}
        loading={inspections.loading}
        rowClassName="clickable-row"
        onRow={(row) => ({ onClick: () => navigate(`/hazards/inspections/${row.id}`, { state: linkState }) })}
        pagination={{ current: inspectionPage, pageSize: 10, total: inspections.data?.total, onChange: setInspectionPage, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无检查记录' }}
      />
      {props.enterpriseId && (
        <>
          <Divider titlePlacement="start" plain>
            整改指令书
          </Divider>
          <OrderTable
            showTarget={false}
            linkState={linkState}
            dataSource={orders.data?.items}
            loading={orders.loading}
            rowClassName="clickable-row"
            onRow={(row) => ({ onClick: () => navigate(`/hazards/orders/${row.id}`, { state: linkState }) })}
            pagination={false}
            locale={{ emptyText: '暂无整改指令书' }}
          />
        </>
      )}
      {creating && (
        <HazardCreateModal
          preset={unit}
          known={props.enterpriseId ? { enterprise: { id: props.enterpriseId, name: props.name } } : props.idleSiteId ? { idleSite: { id: props.idleSiteId, name: props.name } } : undefined}
          onClose={() => setCreating(false)}
          onSaved={(hazard) => {
            message.success(`已登记隐患 ${hazard.number}`);
            hazards.reload();
            closed.reload();
            overdue.reload();
          }}
        />
      )}
    </Space>
  );
}
