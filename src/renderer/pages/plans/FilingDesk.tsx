import { CheckCircleTwoTone, CloseCircleTwoTone, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Space, Table, Tag, Tooltip, Typography, type FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { In } from '../../../shared/api';
import type { PlanFilingRow } from '../../../shared/api/plans';
import { planFilingMaterials, planFilingStatuses, requiredFilingMaterials, type PlanFilingStatus } from '../../../shared/domain/emergencyPlan';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { DateInput, dateItemProps, isFutureDay, todayText } from '../../components/DateInputs';
import { EntityFormModal } from '../../components/EntityFormModal';
import { ExportButton } from '../../components/ExportButton';
import { useListShortcuts } from '../../components/listHooks';
import { ChoiceFilter } from '../../components/ListFilters';
import { ListSearchBox } from '../../components/ListSearchBox';
import { listPagination } from '../../components/listTable';
import { PrintButton } from '../../print/PrintButton';
import { DueTag, OwnerName } from './display';
import { hasActivePlanFilingFilters, planFilingFiltersOf, readPlanFilingListQuery, writePlanFilingListQuery, type PlanFilingListQuery } from './listParams';
import { PlanPicker } from './PlanPicker';

const statusColors: Record<PlanFilingStatus, string> = { 待核对: 'gold', 已备案: 'green', 不予备案: 'red' };

export function PlanFilingStatusTag({ row }: { row: Pick<PlanFilingRow, 'status' | 'number'> }) {
  return (
    <Tag color={statusColors[row.status]} style={{ marginInlineEnd: 0 }}>
      {row.status}
      {row.number ? ` ${row.number}` : ''}
    </Tag>
  );
}

/** The materials a filing brought, ticked against those 第二十七条 requires of its owner. */
function MaterialsList({ row }: { row: PlanFilingRow }) {
  return (
    <Space orientation="vertical" size={0}>
      {row.requiredMaterials.map((material) => (
        <span key={material}>
          {row.materials.includes(material) ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />} {material}
        </span>
      ))}
    </Space>
  );
}

interface DeskActions {
  onDecide: (row: PlanFilingRow) => void;
  onEdit: (row: PlanFilingRow) => void;
  onDelete: (row: PlanFilingRow) => void;
}

export function planFilingColumns(actions: DeskActions | null, options: { showPlan?: boolean } = {}): ColumnsType<PlanFilingRow> {
  const columns: ColumnsType<PlanFilingRow> = [
    { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 100 },
    {
      title: '备案单位',
      key: 'owner',
      width: 220,
      render: (_value, row) => <OwnerName owner={row} />,
    },
    {
      title: '预案',
      key: 'plan',
      width: 240,
      render: (_value, row) => (
        <span>
          <Link to={`/plans/${row.planId}`}>{row.planName}</Link>
          <Typography.Text type="secondary">（{row.version}，{row.issuedOn} 发布）</Typography.Text>
          {row.receivedInTime === false && (
            <Tooltip title="第二十六条：应在发布后 20 个工作日内备案">
              <Tag color="orange" style={{ marginInlineStart: 4 }}>
                逾期报送
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: '材料',
      key: 'materials',
      width: 120,
      render: (_value, row) => (
        <Tooltip title={<MaterialsList row={row} />}>
          {row.missingMaterials.length ? <Tag color="red">缺 {row.missingMaterials.length} 项</Tag> : <Tag color="green">齐全</Tag>}
        </Tooltip>
      ),
    },
    {
      title: '核对期限',
      key: 'checkDeadline',
      width: 170,
      render: (_value, row) =>
        row.status === '待核对' ? (
          <DueTag {...row.checkDeadline} rule="第二十八条：收到后 5 个工作日内核对；逾期不予备案又不说明理由的，视为已经备案" />
        ) : (
          <span>{row.checkedOn} 已核对</span>
        ),
    },
    { title: '结果', key: 'status', width: 140, render: (_value, row) => <PlanFilingStatusTag row={row} /> },
    { title: '说明', dataIndex: 'resultNote', key: 'resultNote', width: 220, render: (note: string | null) => note ?? '' },
  ];
  if (actions) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_value, row) => (
        <Space size={0} onClick={(event) => event.stopPropagation()}>
          {row.status === '待核对' && (
            <>
              <Button type="link" size="small" onClick={() => actions.onDecide(row)}>
                核对
              </Button>
              <Button type="link" size="small" onClick={() => actions.onEdit(row)}>
                修改
              </Button>
            </>
          )}
          {row.status !== '已备案' && (
            <ConfirmDeleteButton title="删除这条备案登记？" description="删除后可在回收站恢复。" onConfirm={() => actions.onDelete(row)} />
          )}
        </Space>
      ),
    });
  }
  return options.showPlan === false ? columns.filter((column) => column.key !== 'plan' && column.key !== 'owner') : columns;
}

/** Ticks for the 第二十七条 materials, the ones the plan's owner must bring marked 必交. */
function MaterialsField({ form }: { form: FormInstance }) {
  const planId = Form.useWatch('planId', form) as number | undefined;
  const plan = useApiQuery('plans.get', planId ? { id: planId } : null);
  const required = plan.data && plan.data.id === planId ? requiredFilingMaterials({ ownerType: plan.data.ownerType, industry: plan.data.industry as never, crowdedPlace: plan.data.crowdedPlace }) : [...planFilingMaterials];
  return (
    <Form.Item label="提交的材料（第二十七条）" name="materials" extra={plan.data && !required.includes('应急预案评审意见') ? '该单位不属第二十一条所列单位，无需提交评审意见' : undefined}>
      <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        {planFilingMaterials.map((material) => (
          <Checkbox key={material} value={material}>
            {material}
            {required.includes(material) ? '' : '（非必交）'}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Form.Item>
  );
}

type RegisterValues = In<'planFilings.create'>;

/** 登记收到的备案: which plan (its current version), when, who brought it, and what they brought. */
export function RegisterFilingModal(props: {
  open: boolean;
  filing?: PlanFilingRow | null;
  presetPlan?: { id: number; name: string; ownerName: string };
  onClose: () => void;
  onSaved: (row: PlanFilingRow) => void;
}) {
  const { filing } = props;
  const initialValues: Partial<RegisterValues> = filing
    ? { planId: filing.planId, receivedOn: filing.receivedOn, submitter: filing.submitter, submitterPhone: filing.submitterPhone, materials: filing.materials }
    : { planId: props.presetPlan?.id, receivedOn: todayText(), materials: [] };
  const known = filing ? { id: filing.planId, name: filing.planName, ownerName: filing.ownerName } : props.presetPlan;
  return (
    <EntityFormModal<RegisterValues>
      open={props.open}
      title={filing ? '修改备案登记' : '登记收到的预案备案'}
      initialValues={initialValues}
      onClose={props.onClose}
      onSave={async (values) => {
        const saved = filing ? await callApi('planFilings.update', { ...values, id: filing.id }) : await callApi('planFilings.create', values);
        props.onSaved(saved);
      }}
    >
      {(form) => (
        <>
          <Form.Item label="预案" name="planId" required extra="登记的是该预案的现行版本">
            <PlanPicker known={known} disabled={!!filing} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item label="收到日期" name="receivedOn" required {...dateItemProps}>
                <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="报送人" name="submitter">
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="联系电话" name="submitterPhone">
                <Input maxLength={30} />
              </Form.Item>
            </Col>
          </Row>
          <MaterialsField form={form} />
        </>
      )}
    </EntityFormModal>
  );
}

/** 核对 (第二十八条): 予以备案 issues the number; 不予备案 names once what must be brought. */
export function DecideModal(props: { open: boolean; filing: PlanFilingRow; onClose: () => void; onSaved: (row: PlanFilingRow) => void }) {
  const { filing } = props;
  const complete = filing.missingMaterials.length === 0;
  return (
    <EntityFormModal<In<'planFilings.decide'>>
      open={props.open}
      title={`核对备案：${filing.planName}（${filing.version}）`}
      initialValues={{ id: filing.id, checkedOn: todayText(), result: complete ? '已备案' : '不予备案' }}
      onClose={props.onClose}
      onSave={async (values) => props.onSaved(await callApi('planFilings.decide', { ...values, id: filing.id }))}
    >
      {() => (
        <>
          <Alert
            type={complete ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={complete ? '材料齐全，可予以备案' : `材料不齐全，缺少：${filing.missingMaterials.join('、')}`}
            description={<MaterialsList row={filing} />}
          />
          <Typography.Paragraph type="secondary">
            {filing.receivedOn} 收到，核对期限 {filing.checkDeadline.date}（5 个工作日）。
          </Typography.Paragraph>
          <Form.Item label="核对结果" name="result" required>
            <Radio.Group
              options={[
                { value: '已备案', label: '予以备案（出具备案编号）', disabled: !complete },
                { value: '不予备案', label: '不予备案（一次性告知需补齐的材料）' },
              ]}
            />
          </Form.Item>
          <Form.Item label="核对日期" name="checkedOn" required {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
          <Form.Item label="说明" name="remark">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </EntityFormModal>
  );
}

/** The desk's actions on one filing (核对, 修改, 删除) and the dialogs they open; used by the desk and a plan's tab. */
export function useFilingDeskActions(reload: () => void) {
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<PlanFilingRow | null>(null);
  const [editing, setEditing] = useState<PlanFilingRow | null>(null);
  const actions: DeskActions = {
    onDecide: setDeciding,
    onEdit: setEditing,
    onDelete: async (row) => {
      try {
        await callApi('planFilings.delete', { id: row.id });
        message.success('已删除，可在回收站恢复');
        reload();
      } catch (error) {
        message.error((error as Error).message);
      }
    },
  };
  const dialogs = (
    <>
      {deciding && (
        <DecideModal
          open
          filing={deciding}
          onClose={() => setDeciding(null)}
          onSaved={(row) => {
            message.success(row.status === '已备案' ? `已予以备案，备案编号 ${row.number}` : '已记录不予备案');
            reload();
          }}
        />
      )}
      {editing && <RegisterFilingModal open filing={editing} onClose={() => setEditing(null)} onSaved={() => reload()} />}
    </>
  );
  return { actions, dialogs, paused: !!deciding || !!editing };
}

/** 备案登记: the filings the office received, the 5-working-day check of each and its result. */
export function PlanFilingDesk() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readPlanFilingListQuery(params), [params]);
  const filters = useMemo(() => planFilingFiltersOf(query), [query]);
  const list = useApiQuery('planFilings.list', query);
  const can = useCan();
  const canWrite = can('planFilings.create');
  const { message } = App.useApp();
  const [registering, setRegistering] = useState(false);
  const desk = useFilingDeskActions(list.reload);
  const searchRef = useRef<HTMLInputElement>(null);
  useListShortcuts({ paused: registering || desk.paused, canCreate: canWrite, onCreate: () => setRegistering(true), searchRef });

  function update(patch: Partial<PlanFilingListQuery>, options: { replace?: boolean } = {}) {
    setParams(writePlanFilingListQuery({ ...query, page: 1, ...patch }), { replace: options.replace });
  }
  const active = hasActivePlanFilingFilters(filters);
  const ledgerState = { filters, sortOrder: 'ascend' as const };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div className="page-toolbar">
        <ListSearchBox q={query.q} onSearch={(q) => update({ q }, { replace: true })} label="搜索备案" placeholder="搜索预案/单位/备案编号/报送人" width={300} searchRef={searchRef} />
        <span className="spacer" />
        <PrintButton ledger="planFilings" state={ledgerState} />
        <ExportButton request={{ ledger: 'planFilings', ...ledgerState }} />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
            登记备案（Ctrl+N）
          </Button>
        )}
      </div>
      <div className="page-toolbar">
        <ChoiceFilter label="结果" placeholder="全部结果" width={120} values={planFilingStatuses} value={query.status} onChange={(status) => update({ status })} />
        <DatePicker.RangePicker
          aria-label="收到日期"
          placeholder={['收到日期从', '至']}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        {active && (
          <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            重置筛选
          </Button>
        )}
      </div>
      <Table<PlanFilingRow>
        rowKey="id"
        size="middle"
        columns={planFilingColumns(canWrite ? desk.actions : null)}
        dataSource={list.data?.items}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        onChange={(pagination) => update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 })}
        pagination={listPagination(query, list.data?.total, '项')}
        locale={{ emptyText: list.error ? list.error.message : active ? '没有符合条件的备案登记' : '暂无备案登记' }}
      />
      <Typography.Text type="secondary">
        第二十八条：收到备案材料后 5 个工作日内核对；材料齐全的予以备案并出具备案登记，不齐全的不予备案并一次性告知需要补齐的材料。
      </Typography.Text>
      {registering && (
        <RegisterFilingModal
          open
          onClose={() => setRegistering(false)}
          onSaved={(row) => {
            message.success(`已登记：${row.planName}，核对期限 ${row.checkDeadline.date}`);
            list.reload();
          }}
        />
      )}
      {desk.dialogs}
    </Space>
  );
}
