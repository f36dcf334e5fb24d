import { Alert, Checkbox, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import { useEffect } from 'react';
import type { In } from '../../../shared/api';
import type { Plan } from '../../../shared/api/plans';
import {
  evaluationConclusions,
  isListedUnit,
  planKindsByOwner,
  planStatuses,
  reviewKinds,
  reviewResults,
  revisionTriggers,
  type PlanOwnerType,
} from '../../../shared/domain/emergencyPlan';
import { callApi } from '../../api/client';
import { DateInput, dateItemProps, isFutureDay } from '../../components/DateInputs';
import { EntityFormModal } from '../../components/EntityFormModal';
import { OwnerFields } from './OwnerFields';

type PlanValues = In<'plans.create'>;
const half = { xs: 24, md: 12 };
const quarter = { xs: 24, md: 6 };

/** The fields each version records: 版本, 文号, 发布, 评审/论证, 签署, 备案. */
function VersionFields() {
  return (
    <>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="版本号" name="version" required>
            <Input placeholder="如 V1.0、2026版" maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="发布日期" name="issuedOn" required {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="文号" name="docNo">
            <Input placeholder="如 示例镇府〔2026〕12号" maxLength={60} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="签署人" name="signatory">
            <Input placeholder="主要负责人" maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item label="评审/论证" name="reviewKind">
            <Select allowClear placeholder="未评审" options={reviewKinds.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="评审日期" name="reviewOn" {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="专家人数" name="reviewExperts">
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} addonAfter="人" />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item label="评审结论" name="reviewResult">
            <Select allowClear options={reviewResults.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item label="备案部门" name="filingDept" tooltip="在本办“备案登记”中予以备案的，会自动填写">
            <Input placeholder="如 区应急管理局" maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item label="备案日期" name="filingOn" {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item label="备案编号" name="filingNumber">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function PlanFields({ form, plan }: { form: FormInstance; plan: Plan | null }) {
  const ownerType = Form.useWatch('ownerType', form) as PlanOwnerType | undefined;
  const kind = Form.useWatch('kind', form) as string | undefined;
  const kinds = ownerType ? planKindsByOwner[ownerType] : [];
  // A kind the new owner type cannot have (综合预案 for a village) is cleared rather than sent and refused.
  useEffect(() => {
    if (ownerType && kind && !planKindsByOwner[ownerType].some((candidate) => candidate === kind)) form.setFieldValue('kind', undefined);
  }, [ownerType, kind, form]);
  const known = plan?.enterpriseId ? { id: plan.enterpriseId, name: plan.ownerName } : undefined;
  return (
    <>
      <OwnerFields form={form} knownEnterprise={known} />
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item label="预案名称" name="name" required>
            <Input placeholder="如 生产安全事故综合应急预案" maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item label="预案类别" name="kind" required>
            <Select placeholder={ownerType ? '请选择' : '先选所属单位'} options={kinds.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item label="状态" name="status">
            <Select options={planStatuses.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
      </Row>
      {ownerType === 'enterprise' && (
        <Form.Item name="crowdedPlace" valuePropName="checked" tooltip="第二十六条、第三十三条所列：须在发布后 20 个工作日内备案，每半年至少演练一次">
          <Checkbox>人员密集场所经营单位（宾馆、商场、娱乐场所、旅游景区等）</Checkbox>
        </Form.Item>
      )}
      <Divider titlePlacement="start" plain>
        {plan ? `现行版本（${plan.version}）：更正录入错误；修订请用“修订”` : '第一版'}
      </Divider>
      <VersionFields />
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item label="最近评估日期" name="lastEvaluatedOn" tooltip="第三十五条：每三年至少评估一次；之后的评估请在详情页“记录评估”" {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label="备注" name="notes">
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

const planValueKeys = ['ownerType', 'enterpriseId', 'villageId', 'department', 'kind', 'name', 'status', 'crowdedPlace', 'lastEvaluatedOn', 'notes'] as const;
const versionValueKeys = ['version', 'docNo', 'issuedOn', 'reviewKind', 'reviewOn', 'reviewExperts', 'reviewResult', 'signatory', 'filingDept', 'filingOn', 'filingNumber'] as const;

export function planValuesOf(plan: Plan): PlanValues {
  const own = Object.fromEntries(planValueKeys.map((key) => [key, plan[key]]));
  const version = Object.fromEntries(versionValueKeys.map((key) => [key, plan.current[key]]));
  return { ...own, ...version } as PlanValues;
}

/** 新增预案 / 编辑预案 in a dialog; `preset` pre-fills a new plan (e.g. the enterprise whose profile it is opened from). */
export function PlanFormModal(props: { open: boolean; plan: Plan | null; preset?: Partial<PlanValues>; onClose: () => void; onSaved: (plan: Plan) => void }) {
  const { plan } = props;
  const initialValues = plan ? planValuesOf(plan) : { ownerType: 'enterprise' as const, status: '现行' as const, crowdedPlace: false, version: 'V1.0', ...props.preset };
  return (
    <EntityFormModal<PlanValues>
      open={props.open}
      title={plan ? `编辑预案：${plan.name}` : '新增应急预案'}
      width={900}
      initialValues={initialValues}
      onClose={props.onClose}
      onSave={async (values) => {
        const saved = plan ? await callApi('plans.update', { ...values, id: plan.id }) : await callApi('plans.create', values);
        props.onSaved(saved);
      }}
    >
      {(form) => <PlanFields form={form} plan={plan} />}
    </EntityFormModal>
  );
}

/** 修订: a new version with its 第三十六条 trigger; the current one is kept as it is. */
export function ReviseModal(props: { open: boolean; plan: Plan; onClose: () => void; onSaved: (plan: Plan) => void }) {
  const { plan } = props;
  return (
    <EntityFormModal<In<'plans.revise'>>
      open={props.open}
      title={`修订预案：${plan.name}`}
      width={900}
      initialValues={{ id: plan.id, signatory: plan.current.signatory }}
      onClose={props.onClose}
      onSave={async (values) => props.onSaved(await callApi('plans.revise', { ...values, id: plan.id }))}
    >
      {() => (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`现行版本 ${plan.version}（${plan.issuedOn} 发布）将保留在版本记录中；修订后的新版本成为现行版本，评估、演练和备案期限按新版本重新计算。`} />
          <Form.Item label="修订原因（第三十六条）" name="revisionTrigger" required>
            <Radio.Group options={revisionTriggers.map((value) => ({ value, label: value }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
          </Form.Item>
          <Form.Item label="修订说明" name="revisionNote">
            <Input.TextArea rows={2} maxLength={500} placeholder="修订了哪些内容" />
          </Form.Item>
          <VersionFields />
        </>
      )}
    </EntityFormModal>
  );
}

/** 记录评估 (第三十五条). */
export function EvaluateModal(props: { open: boolean; plan: Plan; onClose: () => void; onSaved: (plan: Plan) => void }) {
  const { plan } = props;
  return (
    <EntityFormModal<In<'plans.evaluate'>>
      open={props.open}
      title={`记录评估：${plan.name}`}
      initialValues={{ id: plan.id }}
      onClose={props.onClose}
      onSave={async (values) => props.onSaved(await callApi('plans.evaluate', { ...values, id: plan.id }))}
    >
      {() => (
        <>
          <Form.Item label="评估日期" name="evaluatedOn" required {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
          <Form.Item label="评估结论" name="conclusion" required extra="结论为“需要修订”时，预案状态改为“修订中”，修订后恢复为“现行”。">
            <Radio.Group options={evaluationConclusions.map((value) => ({ value, label: value }))} />
          </Form.Item>
          <Form.Item label="评估意见" name="note">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </>
      )}
    </EntityFormModal>
  );
}

/** Whether the plan's owner is a 第二十六条 listed unit, as its row says. */
export function listedText(plan: Pick<Plan, 'ownerType' | 'industry' | 'crowdedPlace'>): string | null {
  return isListedUnit({ ownerType: plan.ownerType, industry: plan.industry as never, crowdedPlace: plan.crowdedPlace })
    ? '第二十六条、第三十三条所列单位：发布后 20 个工作日内备案，每半年至少演练一次'
    : null;
}
