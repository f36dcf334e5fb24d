import { Checkbox, Col, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import type { In } from '../../../shared/api';
import type { Drill } from '../../../shared/api/drills';
import { drillForms, drillScopeOf, drillScopes, type PlanKind } from '../../../shared/domain/emergencyPlan';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { DateInput, dateItemProps, isFutureDay, todayText } from '../../components/DateInputs';
import { EntityFormModal } from '../../components/EntityFormModal';
import { OwnerFields } from './OwnerFields';
import { PlanPicker } from './PlanPicker';

type DrillValues = In<'drills.create'>;

const valueKeys = ['planId', 'ownerType', 'enterpriseId', 'villageId', 'department', 'name', 'heldOn', 'scope', 'form', 'organiser', 'place', 'participants', 'fireBrigade', 'summary', 'evaluation'] as const;

function DrillFields({ form, drill, presetPlan }: { form: FormInstance; drill: Drill | null; presetPlan?: KnownPlan }) {
  const planId = Form.useWatch('planId', form) as number | null | undefined;
  const known = drill?.planId ? { id: drill.planId, name: drill.planName ?? '', ownerName: drill.ownerName } : presetPlan;
  const plan = useApiQuery('plans.get', planId ? { id: planId } : null);
  return (
    <>
      <Form.Item
        label="演练的预案"
        name="planId"
        extra={planId ? (plan.data ? `所属单位：${plan.data.ownerName}（按预案确定）` : ' ') : '村、部门的综合演练等未对应具体预案时可不选，再选择所属单位'}
      >
        <PlanPicker
          known={known}
          onChange={(id) => {
            form.setFieldValue('planId', id);
            // Picking a plan proposes the drill's type from the plan's kind; the user may still change it.
            if (id) {
              void callApi('plans.get', { id }).then((picked) => {
                form.setFieldsValue({ scope: drillScopeOf(picked.kind as PlanKind), organiser: form.getFieldValue('organiser') || picked.ownerName });
                if (!form.getFieldValue('name')) form.setFieldValue('name', `${picked.name}演练`);
              });
            }
          }}
        />
      </Form.Item>
      {!planId && <OwnerFields form={form} knownEnterprise={drill?.enterpriseId ? { id: drill.enterpriseId, name: drill.ownerName } : undefined} />}
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item label="演练名称" name="name" required>
            <Input maxLength={100} placeholder="如 储罐区泄漏火灾综合演练" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="演练日期" name="heldOn" required {...dateItemProps}>
            <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="演练类型" name="scope" required>
            <Select options={drillScopes.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="演练形式" name="form" required>
            <Select options={drillForms.map((value) => ({ value, label: value }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="参与人数" name="participants" required>
            <InputNumber precision={0} style={{ width: '100%' }} addonAfter="人" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="组织单位" name="organiser" required>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="演练地点" name="place">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="fireBrigade" valuePropName="checked">
        <Checkbox>消防救援队伍参与（协同演练）</Checkbox>
      </Form.Item>
      <Form.Item label="演练情况" name="summary">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item label="评估结论（第三十四条）" name="evaluation" extra="演练结束后应对演练效果进行评估；评估报告可在保存后上传为附件">
        <Input.TextArea rows={2} maxLength={1000} placeholder="未评估可先留空" />
      </Form.Item>
    </>
  );
}

type KnownPlan = { id: number; name: string; ownerName: string };

/** 新增演练 / 编辑演练. `presetPlan` when opened from a plan. */
export function DrillFormModal(props: { open: boolean; drill: Drill | null; presetPlan?: KnownPlan & { kind: PlanKind }; onClose: () => void; onSaved: (drill: Drill) => void }) {
  const { drill, presetPlan } = props;
  const initialValues: Partial<DrillValues> = drill
    ? (Object.fromEntries(valueKeys.map((key) => [key, drill[key]])) as Partial<DrillValues>)
    : {
        planId: presetPlan?.id ?? null,
        ownerType: 'enterprise',
        heldOn: todayText(),
        scope: presetPlan ? drillScopeOf(presetPlan.kind) : '综合演练',
        form: '实战演练',
        fireBrigade: false,
        organiser: presetPlan?.ownerName,
        name: presetPlan ? `${presetPlan.name}演练` : undefined,
      };
  return (
    <EntityFormModal<DrillValues>
      open={props.open}
      title={drill ? `编辑演练：${drill.name}` : '新增演练记录'}
      width={760}
      initialValues={initialValues}
      onClose={props.onClose}
      onSave={async (values) => {
        const saved = drill ? await callApi('drills.update', { ...values, id: drill.id }) : await callApi('drills.create', values);
        props.onSaved(saved);
      }}
    >
      {(form) => <DrillFields form={form} drill={drill} presetPlan={presetPlan} />}
    </EntityFormModal>
  );
}
