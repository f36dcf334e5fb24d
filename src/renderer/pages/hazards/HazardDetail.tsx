import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Tabs, Tag, Timeline, Typography, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Hazard } from '../../../shared/api/hazards';
import { governancePlanParts, hazardActionLabels, hazardActionsFrom, type HazardAction } from '../../../shared/domain/hazard';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { AttachmentsPanel } from '../../components/AttachmentsPanel';
import { AuditHistory } from '../../components/AuditHistory';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { loadedRecord } from '../../components/recordPlaceholder';
import { useUrlTab } from '../../components/useUrlTab';
import { personWithPhone } from '../enterprises/display';
import { DeadlineCell, HazardLevelTag, HazardStatusTag, OverdueTag, TargetName, useBackState, useBackTo } from './display';
import { HazardEditModal, HazardTransitionModal } from './HazardForms';
import { lastHazardListSearchKey } from './listParams';
import { OrderCreateModal } from './OrderForms';

const tabKeys = ['history', 'attachments', 'audit'] as const;
type Dialog = HazardAction | 'edit' | 'order' | null;

/** One hazard: what was found, where it stands, the next steps its status allows, its history, photos and changes. */
export function HazardDetail() {
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const query = useApiQuery('hazards.get', validId ? { id } : null);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useUrlTab(tabKeys);
  const listSearch = sessionStorage.getItem(lastHazardListSearchKey);
  const backTo = useBackTo(`/hazards${listSearch ? `?${listSearch}` : ''}`);
  const linkState = useBackState();
  const backLink = (
    <Link to={backTo}>
      <ArrowLeftOutlined /> 返回
    </Link>
  );
  const loaded = loadedRecord(query, id, { notFound: '未找到该隐患', invalidId: '地址中的隐患编号无效', backLink });
  if (!loaded.data) return loaded.placeholder;
  const hazard = loaded.data;

  async function remove() {
    try {
      await callApi('hazards.delete', { id: hazard.id });
      message.success(`已删除隐患 ${hazard.number}，可在回收站恢复`);
      navigate(backTo);
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  const canTransition = can('hazards.transition');
  const actions = hazardActionsFrom(hazard.status);
  const closed = hazard.status === '已销号';
  const text = (value: string | null) => value ?? '—';

  const facts: DescriptionsProps['items'] = [
    { key: 'target', label: '隐患单位', children: <TargetName target={hazard} /> },
    { key: 'village', label: '村/社区', children: hazard.villageName },
    { key: 'industry', label: '行业领域', children: text(hazard.industry) },
    {
      key: 'source',
      label: '隐患来源',
      children: hazard.inspectionId ? (
        <Link to={`/hazards/inspections/${hazard.inspectionId}`} state={linkState}>
          {hazard.inspectionKind}检查（{hazard.foundOn}）
        </Link>
      ) : (
        hazard.source
      ),
    },
    { key: 'foundOn', label: '发现日期', children: hazard.foundOn },
    {
      key: 'deadline',
      label: '整改期限',
      children: closed ? hazard.deadline : <DeadlineCell deadline={hazard.deadline} overdue={hazard.overdue} extensions={hazard.extensions} />,
    },
    { key: 'place', label: '隐患部位', children: hazard.place },
    { key: 'basis', label: '判定依据', children: text(hazard.basis), span: 2 },
    { key: 'description', label: '隐患描述', children: <span style={{ whiteSpace: 'pre-wrap' }}>{hazard.description}</span>, span: 'filled' },
    { key: 'measures', label: '整改措施', children: text(hazard.measures), span: 'filled' },
    { key: 'responsible', label: '整改责任人', children: personWithPhone(hazard.responsibleName, hazard.responsiblePhone) },
    { key: 'funds', label: '整改资金', children: hazard.fundsWan === null ? '—' : `${hazard.fundsWan} 万元` },
    {
      key: 'order',
      label: '整改指令书',
      children: hazard.orderId ? (
        <Link to={`/hazards/orders/${hazard.orderId}`} state={linkState}>
          {hazard.orderNumber}
        </Link>
      ) : (
        '未下达'
      ),
    },
    { key: 'rectified', label: '整改完成', children: hazard.rectifiedOn ? `${hazard.rectifiedOn}${hazard.rectificationNote ? `：${hazard.rectificationNote}` : ''}` : '—', span: 'filled' },
    {
      key: 'reinspection',
      label: '复查',
      span: 'filled',
      children: hazard.reinspectedOn ? (
        <span>
          {hazard.reinspectedOn} · {hazard.reinspector} ·{' '}
          {hazard.reinspectionPassed ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>}
          {hazard.reinspectionNote}
        </span>
      ) : (
        '—'
      ),
    },
    { key: 'closed', label: '销号日期', children: text(hazard.closedOn) },
    { key: 'created', label: '登记人', children: `${hazard.createdBy}（${dayjs(hazard.createdAt).format('YYYY-MM-DD HH:mm')}）` },
  ];

  function saved(text: string) {
    return () => {
      message.success(text);
      query.reload();
    };
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {backLink}
      <Card variant="borderless">
        <div className="hazard-header-top">
          <Space size={8} wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              隐患 {hazard.number}
            </Typography.Title>
            <HazardLevelTag level={hazard.level} />
            <HazardStatusTag status={hazard.status} />
            {hazard.overdue && <OverdueTag deadline={hazard.deadline} />}
            {hazard.extensions > 0 && <Tag style={{ marginInlineEnd: 0 }}>已延期 {hazard.extensions} 次</Tag>}
          </Space>
          <Space wrap>
            {canTransition &&
              actions.map((action, index) => (
                <Button key={action} type={index === 0 && action !== 'extend' ? 'primary' : 'default'} onClick={() => setDialog(action)}>
                  {hazardActionLabels[action]}
                </Button>
              ))}
            {!closed && !hazard.orderId && can('orders.create') && <Button onClick={() => setDialog('order')}>下达整改指令书</Button>}
            {!closed && can('hazards.update') && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                编辑
              </Button>
            )}
            {hazard.status === '待整改' && !hazard.orderId && can('hazards.delete') && (
              <ConfirmDeleteButton title={`删除隐患 ${hazard.number}？`} description="仅待整改且未列入指令书的隐患可以删除；删除后可在回收站恢复。" onConfirm={remove} />
            )}
          </Space>
        </div>
        {hazard.status === '待复查' && <Alert type="info" showIcon style={{ marginTop: 12 }} title="单位已报整改完成，请安排复查：复查合格方可销号。" />}
        {hazard.reinspectionPassed === false && hazard.status === '整改中' && (
          <Alert type="warning" showIcon style={{ marginTop: 12 }} title={`${hazard.reinspectedOn} 复查不合格：${hazard.reinspectionNote ?? ''}`} />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={facts} style={{ marginTop: 16 }} styles={{ label: { width: 110, whiteSpace: 'nowrap' } }} />
      </Card>
      {hazard.level === '重大' && <MajorHazardCard hazard={hazard} />}
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'history', label: '处理记录', children: <HazardHistory key={hazard.updatedAt} hazard={hazard} /> },
            {
              key: 'attachments',
              label: '照片与附件',
              children: (
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <div>
                    <Typography.Title level={5}>隐患照片</Typography.Title>
                    <AttachmentsPanel entity="hazard" entityId={hazard.id} hint="检查发现时的现场照片、举报材料等" />
                  </div>
                  <div>
                    <Typography.Title level={5}>整改与复查照片</Typography.Title>
                    <AttachmentsPanel entity="hazardReinspection" entityId={hazard.id} hint="整改后、复查时的照片，销号的证明材料" />
                  </div>
                </Space>
              ),
            },
            { key: 'audit', label: '变更记录', children: <AuditHistory key={hazard.updatedAt} entity="hazard" entityId={hazard.id} labels={hazardFieldLabels} /> },
          ]}
        />
      </Card>
      {dialog === 'edit' && <HazardEditModal hazard={hazard} onClose={() => setDialog(null)} onSaved={saved('已保存')} />}
      {dialog === 'order' && (
        <OrderCreateModal
          preset={{ target: hazard, hazards: [hazard] }}
          onClose={() => setDialog(null)}
          onSaved={(order) => {
            message.success(`已下达整改指令书 ${order.number}`);
            navigate(`/hazards/orders/${order.id}`, { state: linkState });
          }}
        />
      )}
      {dialog !== null && dialog !== 'edit' && dialog !== 'order' && (
        <HazardTransitionModal key={dialog} hazard={hazard} action={dialog} onClose={() => setDialog(null)} onDone={() => query.reload()} />
      )}
    </Space>
  );
}

/** 重大隐患: the six parts of its 治理方案, 挂牌督办 and 交办 (一单四制). */
function MajorHazardCard({ hazard }: { hazard: Hazard }) {
  const planned = governancePlanParts.filter((part) => hazard[part.key]);
  return (
    <Card variant="borderless" title="重大事故隐患治理（一单四制）" size="small">
      {planned.length < governancePlanParts.length && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={planned.length === 0 ? '尚未填写治理方案：重大事故隐患应制定治理方案，点击“编辑”填写。' : `治理方案尚缺：${governancePlanParts.filter((part) => !hazard[part.key]).map((part) => part.label).join('、')}`}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 170, whiteSpace: 'nowrap' } }}
        items={[
          ...governancePlanParts.map((part) => ({ key: part.key, label: part.label, children: <span style={{ whiteSpace: 'pre-wrap' }}>{hazard[part.key] ?? '—'}</span> })),
          { key: 'listed', label: '挂牌督办', children: hazard.listedAuthority ? [hazard.listedAuthority, hazard.listedDocNo, hazard.listedOn].filter(Boolean).join(' · ') : '未挂牌' },
          { key: 'assigned', label: '交办', children: hazard.assignedUnit ? `${hazard.assignedUnit}${hazard.assignedDeadline ? `，期限 ${hazard.assignedDeadline}` : ''}` : '未交办' },
        ]}
      />
    </Card>
  );
}

const stepColors: Record<string, string> = { create: 'gray', startRectification: 'blue', submitForReview: 'purple', reinspect: 'green', extend: 'orange', order: 'cyan' };

/** 处理记录: every step from 登记 to 销号, oldest first. */
function HazardHistory({ hazard }: { hazard: Hazard }) {
  const history = useApiQuery('hazards.history', { id: hazard.id });
  if (!history.data?.length) return <Empty description={history.error?.message ?? (history.loading ? '正在加载…' : '暂无记录')} />;
  return (
    <Timeline
      className="hazard-history"
      items={history.data.map((step) => ({
        color: step.action === 'reinspect' && step.toStatus !== '已销号' ? 'red' : (stepColors[step.action] ?? 'blue'),
        content: (
          <div>
            <Typography.Text strong>{step.actionLabel}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              {step.on} · {step.fromStatus && step.fromStatus !== step.toStatus ? `${step.fromStatus} → ` : ''}
              {step.toStatus} · {step.createdBy}（{dayjs(step.createdAt).format('YYYY-MM-DD HH:mm')} 录入）
            </Typography.Text>
            {step.remark && <div style={{ whiteSpace: 'pre-wrap' }}>{step.remark}</div>}
          </div>
        ),
      }))}
    />
  );
}

const hazardFieldLabels: Record<string, string> = {
  number: '编号',
  inspectionKind: '检查类型',
  targetName: '单位',
  villageName: '村/社区',
  industry: '行业领域',
  source: '来源',
  foundOn: '发现日期',
  place: '隐患部位',
  description: '隐患描述',
  level: '隐患等级',
  basis: '判定依据',
  deadline: '整改期限',
  status: '状态',
  measures: '整改措施',
  responsibleName: '整改责任人',
  responsiblePhone: '责任人电话',
  fundsWan: '整改资金（万元）',
  rectifiedOn: '整改完成日期',
  rectificationNote: '整改情况',
  reinspectedOn: '复查日期',
  reinspector: '复查人员',
  reinspectionPassed: '复查合格',
  reinspectionNote: '复查意见',
  closedOn: '销号日期',
  extensions: '延期次数',
  orderNumber: '指令书编号',
  ...Object.fromEntries(governancePlanParts.map((part) => [part.key, part.label])),
  listedAuthority: '挂牌督办单位',
  listedDocNo: '督办文号',
  listedOn: '挂牌日期',
  assignedUnit: '交办单位',
  assignedDeadline: '交办期限',
};
