import { Col, Descriptions, Form, Input, Row, Table, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import type { In } from '../../../shared/api';
import type { Hazard, RectificationOrder } from '../../../shared/api/hazards';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { DateInput, dateItemProps, isFutureDay, todayText } from '../../components/DateInputs';
import { EntityFormModal } from '../../components/EntityFormModal';
import { DeadlineCell, HazardLevelTag, HazardStatusTag, TargetName, type TargetRef } from './display';
import { defaultDeadline } from './HazardFields';
import { TargetFields, targetOf, type TargetType, type TargetValues } from './TargetFields';

type OrderValues = In<'orders.create'> & TargetValues;

/** The officers of the last issued order, offered again. */
const lastOfficersKey = 'anjian.hazards.lastOfficers';

/**
 * 下达整改指令书: the unit (fixed when opened from its hazards or inspection), its open hazards not yet on an order
 * to tick, the dates, the officers and what the order says. The number is given by the server on saving.
 */
export function OrderCreateModal(props: { preset?: { target: TargetRef; hazards?: Hazard[] }; onClose: () => void; onSaved: (order: RectificationOrder) => void }) {
  const { preset } = props;
  const [initialValues] = useState<Partial<OrderValues>>(() => {
    const chosen = preset?.hazards ?? [];
    const latest = chosen.map((hazard) => hazard.deadline).sort().at(-1);
    const today = todayText();
    return {
      targetType: preset?.target.idleSiteId ? 'idleSite' : 'enterprise',
      enterpriseId: preset?.target.enterpriseId ?? null,
      idleSiteId: preset?.target.idleSiteId ?? null,
      hazardIds: chosen.map((hazard) => hazard.id),
      issuedOn: today,
      deadline: latest && latest > today ? latest : defaultDeadline(today),
      officers: localStorage.getItem(lastOfficersKey) ?? undefined,
    };
  });
  return (
    <EntityFormModal<OrderValues>
      open
      title="下达责令限期整改指令书"
      width={900}
      initialValues={initialValues}
      onClose={props.onClose}
      onSave={async (values) => {
        const order = await callApi('orders.create', {
          hazardIds: values.hazardIds ?? [],
          issuedOn: values.issuedOn,
          deadline: values.deadline,
          officers: values.officers,
          content: values.content,
        });
        localStorage.setItem(lastOfficersKey, order.officers);
        props.onSaved(order);
      }}
    >
      {(form) => <OrderFields form={form} preset={preset} />}
    </EntityFormModal>
  );
}

function OrderFields({ form, preset }: { form: FormInstance; preset?: { target: TargetRef } }) {
  const type = (Form.useWatch('targetType', form) as TargetType | undefined) ?? (preset?.target.idleSiteId ? 'idleSite' : 'enterprise');
  const enterpriseId = Form.useWatch('enterpriseId', form) as number | null | undefined;
  const idleSiteId = Form.useWatch('idleSiteId', form) as number | null | undefined;
  const target = preset ? { enterpriseId: preset.target.enterpriseId, idleSiteId: preset.target.idleSiteId } : targetOf({ targetType: type, enterpriseId, idleSiteId });
  return (
    <>
      {preset ? (
        <Form.Item label="被责令单位">
          <TargetName target={preset.target} showVillage />
        </Form.Item>
      ) : (
        <TargetFields form={form} label="被责令单位" autoFocus onPicked={() => form.setFieldValue('hazardIds', [])} />
      )}
      <Form.Item name="hazardIds" label="列入指令书的隐患" required extra="只列出该单位尚未销号、未列入其他指令书的隐患；一份指令书只能列同一单位的隐患">
        <HazardChecklist target={target} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="issuedOn" label="下达日期" required {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="deadline" label="整改期限" required {...dateItemProps}>
            <DateInput style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="officers" label="执法人员" required>
            <Input maxLength={200} placeholder="如：王强（执法证号 44190001）、李明" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label="指令内容">
        <Input.TextArea rows={3} maxLength={2000} placeholder="可不填；所填内容印在指令书的隐患清单之前，如：整改期间应采取有效防范措施确保安全" />
      </Form.Item>
    </>
  );
}

/** The unit's open hazards not yet on an order, ticked to go on this one (a Form.Item control: value = ids). */
function HazardChecklist({ target, value = [], onChange, id }: { target: { enterpriseId: number | null; idleSiteId: number | null }; value?: number[]; onChange?: (ids: number[]) => void; id?: string }) {
  const chosen = target.enterpriseId !== null || target.idleSiteId !== null;
  const list = useApiQuery(
    'hazards.list',
    chosen ? { ...(target.enterpriseId ? { enterpriseId: target.enterpriseId } : { idleSiteId: target.idleSiteId ?? undefined }), withoutOrder: true, pageSize: 500, sortField: 'number', sortOrder: 'ascend' } : null,
  );
  // 已销号 hazards need no order; the list is one unit's, so it is filtered here.
  const rows = (list.data?.items ?? []).filter((hazard) => hazard.status !== '已销号');
  if (!chosen) return <Typography.Text type="secondary">请先选择单位</Typography.Text>;
  return (
    <div id={id}>
      <Table<Hazard>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 260, x: 'max-content' }}
        rowSelection={{ selectedRowKeys: value, onChange: (keys) => onChange?.(keys as number[]), columnWidth: 40 }}
        onRow={(row) => ({ onClick: () => onChange?.(value.includes(row.id) ? value.filter((item) => item !== row.id) : [...value, row.id]) })}
        rowClassName="clickable-row"
        locale={{ emptyText: list.loading ? '正在加载…' : '该单位没有待列入指令书的隐患' }}
        columns={[
          { title: '编号', dataIndex: 'number', key: 'number', width: 100 },
          { title: '部位', dataIndex: 'place', key: 'place', width: 110 },
          { title: '隐患描述', dataIndex: 'description', key: 'description', width: 300, ellipsis: true },
          { title: '等级', key: 'level', width: 64, render: (_value, row) => <HazardLevelTag level={row.level} /> },
          { title: '状态', key: 'status', width: 76, render: (_value, row) => <HazardStatusTag status={row.status} /> },
          { title: '整改期限', key: 'deadline', width: 180, render: (_value, row) => <DeadlineCell deadline={row.deadline} overdue={row.overdue} /> },
        ]}
      />
      <Typography.Text type="secondary">
        已选 {value.length} / {rows.length} 条
      </Typography.Text>
    </div>
  );
}

type ReviewValues = Omit<In<'orders.review'>, 'id'>;

/** 复查 of an order: the date and the opinion that the 整改复查意见书 prints. */
export function OrderReviewModal({ order, onClose, onSaved }: { order: RectificationOrder & { hazards: Hazard[] }; onClose: () => void; onSaved: (order: RectificationOrder) => void }) {
  const [initialValues] = useState<Partial<ReviewValues>>(() => ({
    reviewedOn: order.reviewedOn ?? todayText(),
    opinion: order.reviewOpinion ?? draftOpinion(order),
  }));
  return (
    <EntityFormModal<ReviewValues>
      open
      title={`${order.reviewedOn ? '修改复查意见' : '复查'}：${order.number}`}
      width={680}
      initialValues={initialValues}
      onClose={onClose}
      onSave={async (values) => onSaved(await callApi('orders.review', { ...values, id: order.id }))}
    >
      {() => (
        <>
          <Descriptions
            size="small"
            column={2}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'target', label: '单位', children: order.targetName },
              { key: 'deadline', label: '整改期限', children: order.deadline },
              { key: 'closed', label: '已销号', children: `${order.closedCount} / ${order.hazardCount} 条` },
            ]}
          />
          <Form.Item name="reviewedOn" label="复查日期" required {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
          <Form.Item name="opinion" label="复查意见" required extra="打印“整改复查意见书”时原文照印；各条隐患的复查结果请在隐患页逐条登记">
            <Input.TextArea rows={5} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </EntityFormModal>
  );
}

/** A first draft of the opinion from the hazards' states. */
function draftOpinion(order: RectificationOrder & { hazards: Hazard[] }): string {
  const open = order.hazards.filter((hazard) => hazard.status !== '已销号');
  if (open.length === 0) return `经复查，${order.number}所列 ${order.hazardCount} 条隐患已全部整改完毕，符合要求。`;
  return `经复查，${order.number}所列 ${order.hazardCount} 条隐患中已整改 ${order.hazardCount - open.length} 条，尚有 ${open.length} 条（${open.map((hazard) => hazard.number).join('、')}）未整改完毕，责令继续整改。`;
}

