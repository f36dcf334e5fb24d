import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Table, Tabs, Tag, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Plan, PlanVersion } from '../../../shared/api/plans';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { AttachmentsPanel } from '../../components/AttachmentsPanel';
import { AuditHistory } from '../../components/AuditHistory';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { loadedRecord } from '../../components/recordPlaceholder';
import { useUrlTab } from '../../components/useUrlTab';
import { DueTag, FilingDueTag, OwnerName, PlanStatusTag } from './display';
import { DrillFormModal } from './DrillForm';
import { DrillTable } from './DrillList';
import { planFilingColumns, RegisterFilingModal, useFilingDeskActions } from './FilingDesk';
import { lastPlanListSearchKey } from './listParams';
import { EvaluateModal, listedText, PlanFormModal, ReviseModal } from './PlanForms';

const tabKeys = ['versions', 'filings', 'drills', 'attachments', 'history'] as const;
type Dialog = 'edit' | 'revise' | 'evaluate' | 'filing' | 'drill' | null;

const versionColumns = [
  { title: '版本', dataIndex: 'version', key: 'version', width: 90 },
  { title: '发布日期', dataIndex: 'issuedOn', key: 'issuedOn', width: 100 },
  { title: '文号', dataIndex: 'docNo', key: 'docNo', width: 160 },
  {
    title: '评审/论证',
    key: 'review',
    width: 200,
    render: (_value: unknown, row: PlanVersion) => [row.reviewKind, row.reviewOn, row.reviewExperts ? `${row.reviewExperts}名专家` : null, row.reviewResult].filter(Boolean).join(' ') || '—',
  },
  { title: '签署人', dataIndex: 'signatory', key: 'signatory', width: 80 },
  {
    title: '备案',
    key: 'filing',
    width: 220,
    render: (_value: unknown, row: PlanVersion) => [row.filingDept, row.filingOn, row.filingNumber].filter(Boolean).join(' ') || '未备案',
  },
  {
    title: '修订原因（第三十六条）',
    key: 'revision',
    width: 260,
    render: (_value: unknown, row: PlanVersion) => (row.revisionTrigger ? `${row.revisionTrigger}${row.revisionNote ? `：${row.revisionNote}` : ''}` : '首次发布'),
  },
];

function PlanFilings({ plan, onChanged }: { plan: Plan; onChanged: () => void }) {
  const list = useApiQuery('planFilings.list', { planId: plan.id, pageSize: 100 });
  const can = useCan();
  const desk = useFilingDeskActions(() => {
    list.reload();
    onChanged();
  });
  return (
    <>
      <Table rowKey="id" size="small" columns={planFilingColumns(can('planFilings.decide') ? desk.actions : null, { showPlan: false })} dataSource={list.data?.items} loading={list.loading} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: '本办尚未收到该预案的备案' }} />
      {desk.dialogs}
    </>
  );
}

function PlanDrills({ plan }: { plan: Plan }) {
  const [page, setPage] = useState(1);
  const list = useApiQuery('drills.list', { planId: plan.id, page, pageSize: 10 });
  return (
    <DrillTable
      showOwner={false}
      showPlan={false}
      dataSource={list.data?.items}
      loading={list.loading}
      pagination={{ current: page, pageSize: 10, total: list.data?.total, onChange: setPage, showSizeChanger: false }}
      locale={{ emptyText: '暂无演练记录' }}
    />
  );
}

/** One plan: its owner and current version, the three due dates, and its versions, filings, drills, files and history. */
export function PlanDetail() {
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const query = useApiQuery('plans.get', validId ? { id } : null);
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const canWrite = can('plans.update');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useUrlTab(tabKeys);
  const [refresh, setRefresh] = useState(0);

  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? sessionStorage.getItem(lastPlanListSearchKey);
  const backTo = `/plans${listSearch ? `?${listSearch}` : ''}`;
  const backLink = (
    <Link to={backTo}>
      <ArrowLeftOutlined /> 返回
    </Link>
  );
  const loaded = loadedRecord(query, id, { notFound: '未找到该预案', invalidId: '地址中的预案编号无效', backLink });
  if (!loaded.data) return loaded.placeholder;
  const plan = loaded.data;

  function saved(text: string) {
    return () => {
      message.success(text);
      query.reload();
      setRefresh((value) => value + 1);
    };
  }

  async function remove() {
    try {
      await callApi('plans.delete', { id: plan.id });
      message.success(`已删除预案「${plan.name}」，可在回收站恢复`);
      navigate(backTo);
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  const { current } = plan;
  const facts: DescriptionsProps['items'] = [
    {
      key: 'owner',
      label: '所属单位',
      children: <OwnerName owner={plan} link />,
    },
    { key: 'village', label: '所属村/社区', children: plan.ownerVillageName ?? '—' },
    { key: 'kind', label: '预案类别', children: plan.kind },
    { key: 'version', label: '现行版本', children: `${plan.version}${plan.versionCount > 1 ? `（共 ${plan.versionCount} 版）` : ''}` },
    { key: 'docNo', label: '文号', children: current.docNo ?? '—' },
    { key: 'issuedOn', label: '发布日期', children: current.issuedOn },
    { key: 'signatory', label: '签署人', children: current.signatory ?? '—' },
    {
      key: 'review',
      label: '评审/论证',
      children: [current.reviewKind, current.reviewOn, current.reviewExperts ? `${current.reviewExperts}名专家` : null, current.reviewResult].filter(Boolean).join(' ') || '未评审',
    },
    { key: 'filing', label: '备案', children: [current.filingDept, current.filingOn, current.filingNumber].filter(Boolean).join(' ') || '未备案' },
    {
      key: 'evaluation',
      label: '最近评估',
      children: plan.lastEvaluatedOn ? `${plan.lastEvaluatedOn}${plan.evaluationConclusion ? ` ${plan.evaluationConclusion}` : ''}${plan.evaluationNote ? `：${plan.evaluationNote}` : ''}` : '未评估',
    },
    { key: 'drills', label: '演练次数', children: `${plan.drillCount} 次${plan.due.lastDrillOn ? `，最近 ${plan.due.lastDrillOn}` : ''}` },
    { key: 'notes', label: '备注', children: plan.notes ?? '—' },
  ];
  const listed = listedText(plan);
  const knownPlan = { id: plan.id, name: plan.name, ownerName: plan.ownerName, kind: plan.kind };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {backLink}
      <Card variant="borderless">
        <div className="plan-header-top">
          <Space size={8} wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {plan.name}
            </Typography.Title>
            <Tag style={{ marginInlineEnd: 0 }}>{plan.kind}</Tag>
            <PlanStatusTag status={plan.status} />
          </Space>
          {canWrite && (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                编辑
              </Button>
              <Button onClick={() => setDialog('revise')} disabled={plan.status === '已废止'}>
                修订
              </Button>
              <Button onClick={() => setDialog('evaluate')}>记录评估</Button>
              <Button onClick={() => setDialog('filing')}>登记备案</Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('drill')}>
                新增演练
              </Button>
              <ConfirmDeleteButton title={`删除预案「${plan.name}」？`} description="有演练或备案记录的预案不能删除，可改为“已废止”。删除后可在回收站恢复。" onConfirm={remove} />
            </Space>
          )}
        </div>
        {listed && <Alert type="info" showIcon style={{ marginTop: 12 }} title={listed} />}
        <Row gutter={16} className="plan-due-cards">
          <Col xs={24} md={8}>
            <Card size="small" title="备案（第二十六条）">
              <FilingDueTag due={plan.due} filingOn={current.filingOn} />
              <div className="plan-due-note">{plan.due.filing ? `发布后 20 个工作日内，截止 ${plan.due.filing.date}` : '该单位不属第二十六条所列单位，无强制备案期限'}</div>
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card size="small" title="评估（第三十五条）">
              <DueTag {...plan.due.evaluation} rule="每三年至少评估一次" />
              <div className="plan-due-note">每三年至少一次，自{plan.lastEvaluatedOn && plan.lastEvaluatedOn > plan.issuedOn ? `上次评估 ${plan.lastEvaluatedOn}` : `发布 ${plan.issuedOn}`}起算</div>
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card size="small" title="演练（第三十三条）">
              <DueTag {...plan.due.drill} rule={plan.due.drill.rule} />
              <div className="plan-due-note">{plan.due.drill.rule}</div>
            </Card>
          </Col>
        </Row>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={facts} style={{ marginTop: 16 }} />
      </Card>
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'versions',
              label: `版本记录（${plan.versionCount}）`,
              children: <Table<PlanVersion> rowKey="id" size="small" columns={versionColumns} dataSource={plan.versions} pagination={false} scroll={{ x: 'max-content' }} rowClassName={(row) => (row.id === plan.versionId ? 'plan-current-version' : '')} />,
            },
            { key: 'filings', label: '备案登记', children: <PlanFilings key={refresh} plan={plan} onChanged={() => query.reload()} /> },
            { key: 'drills', label: `演练记录（${plan.drillCount}）`, children: <PlanDrills key={refresh} plan={plan} /> },
            { key: 'attachments', label: '预案文本与附件', children: <AttachmentsPanel entity="plan" entityId={plan.id} hint="预案文本、评审意见、备案登记表等" /> },
            { key: 'history', label: '变更记录', children: <AuditHistory key={refresh} entity="plan" entityId={plan.id} labels={auditLabels} /> },
          ]}
        />
      </Card>
      {dialog === 'edit' && <PlanFormModal open plan={plan} onClose={() => setDialog(null)} onSaved={saved('已保存')} />}
      {dialog === 'revise' && <ReviseModal open plan={plan} onClose={() => setDialog(null)} onSaved={saved('已修订，新版本为现行版本')} />}
      {dialog === 'evaluate' && <EvaluateModal open plan={plan} onClose={() => setDialog(null)} onSaved={saved('已记录评估')} />}
      {dialog === 'filing' && <RegisterFilingModal open presetPlan={knownPlan} onClose={() => setDialog(null)} onSaved={saved('已登记备案，请在 5 个工作日内核对')} />}
      {dialog === 'drill' && <DrillFormModal open drill={null} presetPlan={knownPlan} onClose={() => setDialog(null)} onSaved={saved('已登记演练')} />}
    </Space>
  );
}

const auditLabels: Record<string, string> = {
  ownerName: '所属单位',
  kind: '预案类别',
  name: '预案名称',
  status: '状态',
  crowdedPlace: '人员密集场所',
  lastEvaluatedOn: '最近评估日期',
  notes: '备注',
  version: '版本',
  docNo: '文号',
  issuedOn: '发布日期',
  review: '评审/论证',
  signatory: '签署人',
  filing: '备案',
  evaluation: '评估',
};
