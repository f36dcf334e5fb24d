import { Alert, App, Col, Divider, Form, Input, Modal, Radio, Row, Typography } from 'antd';
import { useState } from 'react';
import type { In } from '../../../shared/api';
import type { Hazard } from '../../../shared/api/hazards';
import { governancePlanParts, hazardActionLabels, type HazardAction } from '../../../shared/domain/hazard';
import { callApi } from '../../api/client';
import { DateInput, dateItemProps, isFutureDay, todayText } from '../../components/DateInputs';
import { EntityFormModal } from '../../components/EntityFormModal';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';
import { addDays, defaultRectificationDays } from './display';
import { defaultDeadline, HazardFoundFields, useDeadlineFollowsDate } from './HazardFields';
import { TargetFields, targetOf, type KnownTargets, type TargetValues } from './TargetFields';

type CreateValues = Omit<In<'hazards.create'>, 'enterpriseId' | 'idleSiteId'> & TargetValues;

/** 登记隐患（自查/举报）: a hazard found outside an inspection — reported by the unit itself or by someone else. */
export function HazardCreateModal(props: { preset?: { enterpriseId?: number; idleSiteId?: number }; known?: KnownTargets; onClose: () => void; onSaved: (hazard: Hazard) => void }) {
  const { preset, known } = props;
  const [initialValues] = useState<Partial<CreateValues>>(() => {
    const foundOn = todayText();
    return {
      targetType: preset?.idleSiteId ? 'idleSite' : 'enterprise',
      enterpriseId: preset?.enterpriseId ?? null,
      idleSiteId: preset?.idleSiteId ?? null,
      source: '自查',
      foundOn,
      level: '一般',
      deadline: defaultDeadline(foundOn),
    };
  });
  return (
    <EntityFormModal<CreateValues>
      open
      title="登记隐患（自查/举报）"
      width={780}
      initialValues={initialValues}
      onClose={props.onClose}
      onSave={async (values) => {
        const { targetType: _type, enterpriseId: _e, idleSiteId: _s, ...fields } = values;
        props.onSaved(await callApi('hazards.create', { ...fields, ...targetOf(values) }));
      }}
    >
      {(form) => <CreateFields form={form} known={known} autoFocus={!preset} initialFoundOn={initialValues.foundOn} />}
    </EntityFormModal>
  );
}

function CreateFields({ form, known, autoFocus, initialFoundOn }: { form: Parameters<typeof TargetFields>[0]['form']; known?: KnownTargets; autoFocus: boolean; initialFoundOn?: string }) {
  const followDate = useDeadlineFollowsDate(form, initialFoundOn, () => [['deadline']]);
  return (
    <>
      <TargetFields form={form} label="隐患单位" known={known} autoFocus={autoFocus} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="source" label="隐患来源" required extra="检查中发现的隐患请随检查记录登记">
            <Radio.Group
              optionType="button"
              options={[
                { value: '自查', label: '单位自查上报' },
                { value: '举报', label: '群众举报' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="foundOn" label="发现日期" required {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} onChange={(day) => followDate(Array.isArray(day) ? undefined : day?.format('YYYY-MM-DD'))} />
          </Form.Item>
        </Col>
      </Row>
      <HazardFoundFields />
    </>
  );
}

type UpdateValues = Omit<In<'hazards.update'>, 'id'>;

const updateKeys = [
  'place',
  'description',
  'level',
  'basis',
  'deadline',
  'measures',
  'responsibleName',
  'responsiblePhone',
  'fundsWan',
  ...governancePlanParts.map((part) => part.key),
  'listedAuthority',
  'listedDocNo',
  'listedOn',
  'assignedUnit',
  'assignedDeadline',
] as const satisfies readonly (keyof UpdateValues & keyof Hazard)[];

/** 编辑隐患: corrects what was found; a 重大 hazard also gets its 治理方案, 挂牌督办 and 交办 here. */
export function HazardEditModal({ hazard, onClose, onSaved }: { hazard: Hazard; onClose: () => void; onSaved: (hazard: Hazard) => void }) {
  const [initialValues] = useState(() => Object.fromEntries(updateKeys.map((key) => [key, hazard[key]])) as Partial<UpdateValues>);
  const pastDeadline = hazard.deadline < todayText();
  return (
    <EntityFormModal<UpdateValues>
      open
      title={`编辑隐患 ${hazard.number}`}
      width={820}
      initialValues={initialValues}
      onClose={onClose}
      onSave={async (values) => onSaved(await callApi('hazards.update', { ...values, id: hazard.id }))}
    >
      {(form) => <EditFields form={form} hazard={hazard} pastDeadline={pastDeadline} />}
    </EntityFormModal>
  );
}

function EditFields({ form, hazard, pastDeadline }: { form: Parameters<typeof TargetFields>[0]['form']; hazard: Hazard; pastDeadline: boolean }) {
  const level = Form.useWatch('level', form) as Hazard['level'] | undefined;
  return (
    <>
      <Typography.Paragraph type="secondary">
        {hazard.targetName} · {hazard.source === '检查' ? `${hazard.inspectionKind ?? ''}检查` : hazard.source}发现于 {hazard.foundOn}
      </Typography.Paragraph>
      <HazardFoundFields deadlineDisabled={pastDeadline} deadlineExtra={pastDeadline ? '已过整改期限，修改期限请用“延期”并写明理由' : undefined} />
      {level === '重大' ? (
        <>
          <Divider titlePlacement="start">治理方案（重大事故隐患）</Divider>
          <Row gutter={16}>
            {governancePlanParts.map((part) => (
              <Col key={part.key} xs={24} md={12}>
                <Form.Item name={part.key} label={part.label}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Divider titlePlacement="start">挂牌督办</Divider>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="listedAuthority" label="督办单位">
                <Input maxLength={60} placeholder="如：区安委办" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="listedDocNo" label="督办文号">
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="listedOn" label="挂牌日期" {...dateItemProps}>
                <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">交办（一单四制）</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="assignedUnit" label="交办单位">
                <Input maxLength={60} placeholder="如：镇应急办、所在村委会" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="assignedDeadline" label="交办期限" {...dateItemProps}>
                <DateInput style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </>
      ) : (
        hazard.level === '重大' && <Alert type="warning" showIcon title="改为一般隐患后，已填写的治理方案、挂牌督办和交办信息将被清除。" />
      )}
    </>
  );
}

type TransitionValues = Omit<In<'hazards.transition'>, 'id' | 'action'>;

/** 开始整改 / 整改完成，申请复查 / 复查 / 延期: asks what the step records and sends it; the server refuses what is not allowed. */
export function HazardTransitionModal({ hazard, action, onClose, onDone }: { hazard: Hazard; action: HazardAction; onClose: () => void; onDone: (hazard: Hazard) => void }) {
  const [form] = Form.useForm<TransitionValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const passed = Form.useWatch('passed', form) as boolean | undefined;
  const label = hazardActionLabels[action];
  const [initialValues] = useState<Partial<TransitionValues>>(() => ({
    on: action === 'submitForReview' || action === 'reinspect' ? todayText() : undefined,
    passed: action === 'reinspect' ? true : undefined,
    measures: action === 'startRectification' ? hazard.measures : undefined,
    responsibleName: action === 'startRectification' ? hazard.responsibleName : undefined,
    newDeadline: action === 'extend' ? addDays(hazard.deadline > todayText() ? hazard.deadline : todayText(), defaultRectificationDays) : undefined,
  }));

  async function submit() {
    setSaving(true);
    try {
      const values = form.getFieldsValue(true) as TransitionValues;
      const result = await callApi('hazards.transition', { ...values, id: hazard.id, action });
      message.success(`隐患 ${result.number}：${label}，现为「${result.status}」`);
      onDone(result);
      onClose();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced ?? '请按提示修改后再提交');
    } finally {
      setSaving(false);
    }
  }

  const remark: { label: string; required: boolean; placeholder?: string } =
    action === 'extend'
      ? { label: '延期理由', required: true, placeholder: '如：整改所需设备到货延迟' }
      : action === 'reinspect'
        ? { label: '复查意见', required: passed === false, placeholder: passed === false ? '写明仍存在的问题' : '如：已更换报警器并取得检定证书，符合要求' }
        : action === 'submitForReview'
          ? { label: '整改情况', required: false, placeholder: '如：已送检并取得检定证书' }
          : { label: '备注', required: false };

  return (
    <Modal
      open
      title={`${label}：隐患 ${hazard.number}`}
      okText={action === 'reinspect' ? (passed === false ? '复查不合格，退回整改' : '复查合格，销号') : label}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {hazard.targetName} · {hazard.place} · {hazard.description}
      </Typography.Paragraph>
      <Form<TransitionValues> form={form} layout="vertical" name="hazard-transition" initialValues={initialValues} onFinish={() => void submit()} onValuesChange={clearErrorsOnChange(form)}>
        {action === 'startRectification' && (
          <>
            <Form.Item name="measures" label="整改措施">
              <Input.TextArea rows={3} maxLength={500} autoFocus />
            </Form.Item>
            <Form.Item name="responsibleName" label="整改责任人">
              <Input maxLength={20} />
            </Form.Item>
          </>
        )}
        {action === 'submitForReview' && (
          <Form.Item name="on" label="整改完成日期" required {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
        )}
        {action === 'reinspect' && (
          <>
            <Form.Item name="passed" label="复查结果" required>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: true, label: '合格，予以销号' },
                  { value: false, label: '不合格，继续整改' },
                ]}
              />
            </Form.Item>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="on" label="复查日期" required {...dateItemProps}>
                  <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="reinspector" label="复查人员" required>
                  <Input maxLength={40} placeholder="如：王强、李明" />
                </Form.Item>
              </Col>
            </Row>
            {hazard.rectifiedOn && (
              <Typography.Paragraph type="secondary">
                整改完成于 {hazard.rectifiedOn}
                {hazard.rectificationNote ? `：${hazard.rectificationNote}` : ''}。复查照片可在复查后于“照片与附件”中上传。
              </Typography.Paragraph>
            )}
          </>
        )}
        {action === 'extend' && (
          <Form.Item name="newDeadline" label="新的整改期限" required extra={`原期限 ${hazard.deadline}${hazard.extensions ? `，已延期 ${hazard.extensions} 次` : ''}`} {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={(day) => day.format('YYYY-MM-DD') <= hazard.deadline} />
          </Form.Item>
        )}
        <Form.Item name="remark" label={remark.label} required={remark.required}>
          <Input.TextArea rows={3} maxLength={500} placeholder={remark.placeholder} />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
