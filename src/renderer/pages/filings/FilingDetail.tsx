import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Space, Tabs, Tag, Timeline, Typography, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Filing } from '../../../shared/api/filings';
import {
  actionsFrom,
  deletableStatuses,
  editableStatuses,
  filingActionLabels,
  filingFlagsAt,
  requiredDocumentsOf,
  type FilingAction,
  type SpecialWorkGrade,
} from '../../../shared/domain/specialWork';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { loadedRecord } from '../../components/recordPlaceholder';
import { useUrlTab } from '../../components/useUrlTab';
import { AttachmentsPanel } from '../../components/AttachmentsPanel';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { AuditHistory } from '../../components/AuditHistory';
import { FilingSheetButton } from '../../print/FilingSheetButton';
import { personWithPhone } from '../enterprises/display';
import { FilingFlags, FilingKindTag, FilingStatusTag } from './display';
import { lastFilingListSearchKey } from './listParams';
import { TransitionModal } from './TransitionModal';

const tabKeys = ['basic', 'workflow', 'attachments', 'history'] as const;

/** The order the workflow buttons appear in; destructive ones last. */
const actionOrder: FilingAction[] = ['passReview', 'siteCheck', 'start', 'complete', 'markOverdue', 'reject', 'withdraw'];

/** One filing: its facts, the workflow buttons its status allows, 流程记录, 附件 and 变更记录. */
export function FilingDetail() {
  const id = Number(useParams().id);
  const validId = Number.isInteger(id) && id > 0;
  const filing = useApiQuery('filings.get', validId ? { id } : null);
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useCan();
  const canWrite = can('filings.transition');
  const [action, setAction] = useState<FilingAction | null>(null);
  const [version, setVersion] = useState(0);

  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch ?? sessionStorage.getItem(lastFilingListSearchKey);
  const backTo = listSearch !== null ? `/filings/list${listSearch ? `?${listSearch}` : ''}` : '/filings';
  const [tab, setTab] = useUrlTab(tabKeys);
  const backLink = (
    <Link to={backTo}>
      <ArrowLeftOutlined /> 返回
    </Link>
  );

  const loaded = loadedRecord(filing, id, { notFound: '未找到该报备', invalidId: '地址中的报备编号无效', backLink });
  if (!loaded.data) return loaded.placeholder;
  const data = loaded.data;

  async function remove(target: Filing) {
    try {
      await callApi('filings.delete', { id: target.id });
      message.success(`已删除报备 ${target.number}，可在回收站恢复`);
      navigate(backTo);
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  const now = dayjs().format('YYYY-MM-DD HH:mm');
  const flags = filingFlagsAt(data, now);
  const allowed = actionOrder.filter((candidate) => actionsFrom(data.status).includes(candidate) && (candidate !== 'markOverdue' || data.plannedEnd <= now));
  const managed = data.warnings.find((warning) => warning.code === 'hot-work-upgraded');

  const keyFacts: DescriptionsProps['items'] = [
    { key: 'enterprise', label: '报备企业', children: <Link to={`/enterprises/${data.enterpriseId}`}>{data.enterpriseName}</Link> },
    { key: 'village', label: '所在村/社区', children: data.villageName },
    { key: 'place', label: '作业地点', children: data.place },
    { key: 'window', label: '计划时间', children: `${data.plannedStart} — ${data.plannedEnd}` },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {backLink}
      <Card variant="borderless">
        <div className="filing-header-top">
          <Space size={8} wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              报备 {data.number}
            </Typography.Title>
            <FilingKindTag kind={data.kind} grade={data.grade} />
            <FilingStatusTag status={data.status} />
            <FilingFlags row={{ flags, warningCount: data.warnings.length }} />
          </Space>
          <Space wrap>
            {canWrite &&
              allowed.map((candidate) => (
                <Button
                  key={candidate}
                  type={candidate === 'reject' || candidate === 'withdraw' || candidate === 'markOverdue' ? 'default' : 'primary'}
                  danger={candidate === 'reject' || candidate === 'withdraw' || candidate === 'markOverdue'}
                  onClick={() => setAction(candidate)}
                >
                  {filingActionLabels[candidate]}
                </Button>
              ))}
            <FilingSheetButton filingId={data.id} />
            {canWrite && editableStatuses.includes(data.status) && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/filings/${data.id}/edit`)}>
                编辑
              </Button>
            )}
            {canWrite && deletableStatuses.includes(data.status) && (
              <ConfirmDeleteButton title={`删除报备 ${data.number}？`} description="删除后可在回收站恢复；编号不会被再次使用。" onConfirm={() => remove(data)} />
            )}
          </Space>
        </div>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={keyFacts} style={{ marginTop: 16 }} />
        {flags.includes('unapprovedStarted') && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title="已到计划开始时间，但该作业尚未准予作业：请立即核实现场是否已开工（未批先干）。" />
        )}
        {flags.includes('pastWindow') && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={`已过计划结束时间（${data.plannedEnd}），仍未完工复查：请核实作业是否结束，完工复查或标记逾期未完工。`} />
        )}
        {managed && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={managed.message} />}
        {data.closingReason && <Alert type={data.status === '驳回' ? 'error' : 'info'} showIcon style={{ marginTop: 12 }} title={`${data.status}：${data.closingReason}`} />}
      </Card>
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'basic', label: '报备内容', children: <FilingFacts filing={data} /> },
            { key: 'workflow', label: '审核与流程记录', children: <Workflow key={`${data.updatedAt}-${version}`} filing={data} /> },
            {
              key: 'attachments',
              label: '附件',
              children: (
                <Space orientation="vertical" style={{ width: '100%' }} size={16}>
                  <AttachmentsPanel entity="filing" entityId={data.id} hint="施工方案、资质证书、应急处置措施等报备材料的扫描件或照片" />
                </Space>
              ),
            },
            {
              key: 'history',
              label: '变更记录',
              children: <AuditHistory key={data.updatedAt} entity="filing" entityId={data.id} labels={filingFieldLabels} hiddenFields={['updatedAt', 'createdAt', 'warnings']} />,
            },
          ]}
        />
      </Card>
      {action && (
        <TransitionModal
          key={action}
          filing={data}
          action={action}
        onClose={() => setAction(null)}
        onDone={() => {
          filing.reload();
          setVersion((value) => value + 1);
          }}
        />
      )}
    </Space>
  );
}

const filingFieldLabels: Record<string, string> = {
  number: '报备编号',
  enterpriseId: '企业',
  kind: '作业类别',
  grade: '级别',
  heightM: '作业高度',
  heightClass: '高处作业类别',
  loadT: '吊物质量',
  place: '作业地点',
  content: '作业内容',
  plannedStart: '计划开始',
  plannedEnd: '计划结束',
  contractor: '施工单位',
  contractorQualification: '资质证书编号',
  leaderName: '作业负责人',
  leaderPhone: '负责人电话',
  guardianName: '监护人',
  workers: '作业人员',
  tanks: '涉及储罐',
  riskIdentification: '危害识别',
  measures: '安全措施',
  documents: '报备材料',
  status: '状态',
  warningReason: '提醒理由',
  siteCheckOn: '核查日期',
  siteCheckInspectors: '核查人员',
  siteCheckPassed: '核查结果',
  siteCheckRemark: '核查意见',
  closingReason: '驳回/撤销原因',
  actualStart: '实际开始',
  actualEnd: '实际完工',
  completionRemark: '完工复查意见',
  attachments: '附件',
};

function FilingFacts({ filing }: { filing: Filing }) {
  const text = (value: string | null) => value ?? '—';
  const required = requiredDocumentsOf(filing.kind, filing.grade as SpecialWorkGrade | null);
  const documents = [...new Set([...required, ...filing.documents])];
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: '作业类别', children: `${filing.kind}作业` },
    { key: 'grade', label: '级别', children: text(filing.grade) },
    ...(filing.kind === '高处' ? [{ key: 'height', label: '作业高度', children: `${filing.heightM ?? '—'} m（${filing.heightClass ?? 'A'} 类）` }] : []),
    ...(filing.kind === '吊装' ? [{ key: 'load', label: '吊物质量', children: `${filing.loadT ?? '—'} t` }] : []),
    { key: 'industry', label: '企业行业', children: filing.industry },
    { key: 'content', label: '作业内容', children: filing.content, span: 'filled' as const },
    { key: 'contractor', label: '施工单位', children: text(filing.contractor) },
    { key: 'qualification', label: '资质证书编号', children: text(filing.contractorQualification) },
    { key: 'leader', label: '作业负责人', children: personWithPhone(filing.leaderName, filing.leaderPhone) },
    { key: 'guardian', label: '监护人', children: filing.guardianName },
    {
      key: 'workers',
      label: '作业人员',
      span: 'filled' as const,
      children: filing.workers.length ? filing.workers.map((worker) => `${worker.name}${worker.certificateNo ? `（${worker.certificateNo}）` : ''}`).join('、') : '—',
    },
    {
      key: 'tanks',
      label: '涉及储罐',
      span: 'filled' as const,
      children: filing.tanks.length ? (
        <Space wrap size={4}>
          {filing.tanks.map((tank) => (
            <Link key={tank.id} to={`/tanks/${tank.id}`}>
              {tank.code}（{tank.status}）
            </Link>
          ))}
        </Space>
      ) : (
        '—'
      ),
    },
    { key: 'risk', label: '危害识别', children: text(filing.riskIdentification), span: 'filled' as const },
    { key: 'measures', label: '安全措施', children: text(filing.measures), span: 'filled' as const },
    {
      key: 'documents',
      label: '报备材料',
      span: 'filled' as const,
      children: (
        <Space wrap size={4}>
          {documents.map((document) =>
            filing.documents.includes(document) ? (
              <Tag key={document} color="success">
                ☑ {document}
              </Tag>
            ) : (
              <Tag key={document} color="error">
                ☐ {document}（缺）
              </Tag>
            ),
          )}
        </Space>
      ),
    },
    ...(filing.warnings.length
      ? [
          {
            key: 'warnings',
            label: '报备时的提醒',
            span: 'filled' as const,
            children: (
              <div>
                <ul className="filing-warnings">
                  {filing.warnings.map((warning) => (
                    <li key={warning.message}>{warning.message}</li>
                  ))}
                </ul>
                <Typography.Text type="secondary">理由：{filing.warningReason ?? '—'}</Typography.Text>
              </div>
            ),
          },
        ]
      : []),
    { key: 'createdBy', label: '登记人', children: `${filing.createdBy}（${dayjs(filing.createdAt).format('YYYY-MM-DD HH:mm')}）` },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

const actionColors: Record<string, string> = { reject: 'red', withdraw: 'gray', markOverdue: 'red', complete: 'green', siteCheck: 'blue', create: 'gray' };

function Workflow({ filing }: { filing: Filing }) {
  const history = useApiQuery('filings.history', { id: filing.id });
  const siteChecked = filing.siteCheckOn !== null;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        title="现场核查"
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'on', label: '核查日期', children: filing.siteCheckOn ?? '尚未核查' },
          { key: 'by', label: '核查人员', children: filing.siteCheckInspectors ?? '—' },
          { key: 'result', label: '核查结果', children: filing.siteCheckPassed === null ? '—' : filing.siteCheckPassed ? '合格' : '不合格' },
          { key: 'remark', label: '核查意见', children: filing.siteCheckRemark ?? '—' },
          { key: 'start', label: '实际开始', children: filing.actualStart ?? '—' },
          { key: 'end', label: '实际完工', children: filing.actualEnd ?? '—' },
          { key: 'review', label: '完工复查意见', children: filing.completionRemark ?? '—', span: 'filled' },
        ]}
      />
      <div>
        <Typography.Title level={5}>现场核查照片</Typography.Title>
        {siteChecked ? (
          <AttachmentsPanel entity="filingSiteCheck" entityId={filing.id} hint="现场核查、完工复查的照片" />
        ) : (
          <Typography.Text type="secondary">现场核查后可上传核查照片</Typography.Text>
        )}
      </div>
      <div>
        <Typography.Title level={5}>流程记录</Typography.Title>
        {history.data?.length ? (
          <Timeline
            className="filing-history"
            items={history.data.map((step) => ({
              color: actionColors[step.action] ?? 'blue',
              content: (
                <div>
                  <Typography.Text strong>{step.action === 'create' ? '登记报备' : step.action === 'update' ? '修改报备' : filingActionLabels[step.action]}</Typography.Text>
                  <Typography.Text type="secondary">
                    {' '}
                    {step.fromStatus ? `${step.fromStatus} → ` : ''}
                    {step.toStatus} · {step.createdBy} · {dayjs(step.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                  {step.remark && <div>{step.remark}</div>}
                </div>
              ),
            }))}
          />
        ) : (
          <Empty description={history.loading ? '正在加载…' : '暂无记录'} />
        )}
      </div>
    </Space>
  );
}
