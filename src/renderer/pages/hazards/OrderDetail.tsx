import { ArrowLeftOutlined, AuditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tabs, Typography } from 'antd';
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
import { OrderReviewButton, OrderSheetButton } from '../../print/HazardPrintButtons';
import { OrderReviewModal } from './OrderForms';
import { ClosedProgress, ReviewTag } from './OrderList';

const tabKeys = ['hazards', 'attachments', 'history'] as const;

/** One 责令限期整改指令书: its facts, the hazards it lists, its review (整改复查意见书) and the two prints. */
export function OrderDetail() {
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const query = useApiQuery('orders.get', validId ? { id } : null);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const [reviewing, setReviewing] = useState(false);
  const [tab, setTab] = useUrlTab(tabKeys);
  const backTo = useBackTo('/hazards/orders');
  const linkState = useBackState();
  const backLink = (
    <Link to={backTo}>
      <ArrowLeftOutlined /> 返回
    </Link>
  );
  const loaded = loadedRecord(query, id, { notFound: '未找到该指令书', invalidId: '地址中的指令书编号无效', backLink });
  if (!loaded.data) return loaded.placeholder;
  const order = loaded.data;
  const open = order.hazardCount - order.closedCount;
  const overdue = open > 0 && order.deadline < dayjs().format('YYYY-MM-DD');

  async function remove() {
    try {
      await callApi('orders.delete', { id: order.id });
      message.success(`已删除指令书 ${order.number}；该编号作废，不再使用`);
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
              {order.number}
            </Typography.Title>
            <ReviewTag order={order} />
          </Space>
          <Space wrap>
            {can('orders.review') && (
              <Button type={order.reviewedOn ? 'default' : 'primary'} icon={<AuditOutlined />} onClick={() => setReviewing(true)}>
                {order.reviewedOn ? '修改复查意见' : '复查'}
              </Button>
            )}
            <OrderSheetButton orderId={order.id} />
            <OrderReviewButton orderId={order.id} reviewed={!!order.reviewedOn} />
            {can('orders.delete') && (
              <ConfirmDeleteButton
                title={`删除指令书 ${order.number}？`}
                description={`删除后所列隐患可列入新的指令书；编号“${order.number}”作废，不会再次使用。`}
                onConfirm={remove}
              />
            )}
          </Space>
        </div>
        {overdue && <Alert type="error" showIcon style={{ marginTop: 12 }} title={`已过整改期限（${order.deadline}），尚有 ${open} 条隐患未销号。`} />}
        <Descriptions
          bordered
          size="small"
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'target', label: '被责令单位', children: <TargetName target={order} /> },
            { key: 'village', label: '村/社区', children: order.villageName },
            { key: 'industry', label: '行业领域', children: order.industry ?? '—' },
            { key: 'issuedOn', label: '下达日期', children: order.issuedOn },
            { key: 'deadline', label: '整改期限', children: overdue ? <Typography.Text type="danger">{order.deadline}</Typography.Text> : order.deadline },
            { key: 'closed', label: '已销号/隐患', children: <ClosedProgress order={order} /> },
            { key: 'officers', label: '执法人员', children: order.officers, span: 'filled' },
            { key: 'content', label: '指令内容', children: <span style={{ whiteSpace: 'pre-wrap' }}>{order.content ?? '—'}</span>, span: 'filled' },
            {
              key: 'review',
              label: '复查意见',
              span: 'filled',
              children: order.reviewedOn ? (
                <span style={{ whiteSpace: 'pre-wrap' }}>
                  {order.reviewNumber} · {order.reviewedOn}：{order.reviewOpinion}
                </span>
              ) : (
                '未复查'
              ),
            },
            { key: 'created', label: '录入', children: `${order.createdBy}（${dayjs(order.createdAt).format('YYYY-MM-DD HH:mm')}）` },
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
              label: `所列隐患（${order.hazardCount}）`,
              children: (
                <HazardTable
                  showTarget={false}
                  showOrder={false}
                  linkState={linkState}
                  dataSource={order.hazards}
                  pagination={false}
                  rowClassName="clickable-row"
                  onRow={(row) => ({ onClick: () => navigate(`/hazards/${row.id}`, { state: linkState }) })}
                />
              ),
            },
            { key: 'attachments', label: '送达回执与附件', children: <AttachmentsPanel entity="order" entityId={order.id} hint="签收的指令书、送达回证、复查意见书扫描件等" /> },
            { key: 'history', label: '变更记录', children: <AuditHistory key={order.updatedAt} entity="order" entityId={order.id} labels={orderFieldLabels} /> },
          ]}
        />
      </Card>
      {reviewing && (
        <OrderReviewModal
          order={order}
          onClose={() => setReviewing(false)}
          onSaved={() => {
            message.success('已记录复查意见');
            query.reload();
          }}
        />
      )}
    </Space>
  );
}

const orderFieldLabels: Record<string, string> = {
  number: '指令书编号',
  targetName: '被责令单位',
  issuedOn: '下达日期',
  deadline: '整改期限',
  officers: '执法人员',
  content: '指令内容',
  hazards: '所列隐患',
  review: '复查意见',
};
