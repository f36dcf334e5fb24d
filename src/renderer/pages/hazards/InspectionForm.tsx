import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Divider, Empty, Form, Input, Radio, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { In } from '../../../shared/api';
import { inspectionKinds } from '../../../shared/domain/hazard';
import { callApi } from '../../api/client';
import { positiveInt } from '../../components/listQuery';
import { DateInput, dateItemProps, isFutureDay, todayText } from '../../components/DateInputs';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';
import { useBackTo } from './display';
import { defaultDeadline, HazardFoundFields, useDeadlineFollowsDate } from './HazardFields';
import { TargetFields, targetOf, useKnownTargets, type KnownTargets, type TargetValues } from './TargetFields';

type HazardRow = NonNullable<In<'inspections.create'>['hazards']>[number];
type Values = Omit<In<'inspections.create'>, 'enterpriseId' | 'idleSiteId' | 'hazards'> & TargetValues & { hazards: Partial<HazardRow>[] };

/** The inspectors of the last saved inspection, offered again (the same team usually goes out together). */
const lastInspectorsKey = 'anjian.hazards.lastInspectors';

/** 新增检查: a page (`/hazards/inspections/new`, `?enterpriseId=` or `?idleSiteId=` presets the unit). */
export function InspectionForm() {
  const [search] = useSearchParams();
  const preset = { enterpriseId: positiveInt(search.get('enterpriseId')), idleSiteId: positiveInt(search.get('idleSiteId')) };
  const known = useKnownTargets(preset);
  // The preset unit's name is fetched first so its picker shows the name, not the id.
  if (known.loading && !known.enterprise && !known.idleSite) {
    return (
      <Card variant="borderless">
        <Spin tip="正在加载…">
          <div style={{ height: 200 }} />
        </Spin>
      </Card>
    );
  }
  return <InspectionFormBody preset={preset} known={known} />;
}

function InspectionFormBody({ preset, known }: { preset: { enterpriseId?: number; idleSiteId?: number }; known: KnownTargets }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const location = useLocation();
  const { message, modal } = App.useApp();
  const [saving, setSaving] = useState(false);
  const fallback = preset.enterpriseId ? `/enterprises/${preset.enterpriseId}?tab=hazards` : preset.idleSiteId ? `/idle-sites/${preset.idleSiteId}?tab=hazards` : '/hazards/inspections';
  const backTo = useBackTo(fallback);
  const [initialValues] = useState<Partial<Values>>(() => ({
    targetType: preset.idleSiteId ? 'idleSite' : 'enterprise',
    enterpriseId: preset.enterpriseId ?? null,
    idleSiteId: preset.idleSiteId ?? null,
    inspectedOn: todayText(),
    kind: '日常',
    inspectors: localStorage.getItem(lastInspectorsKey) ?? undefined,
    hazards: [],
  }));
  const hazards = (Form.useWatch('hazards', form) as Partial<HazardRow>[] | undefined) ?? [];
  const followDate = useDeadlineFollowsDate(form, initialValues.inspectedOn, () => hazards.map((_row, index) => ['hazards', index, 'deadline']));
  const hasPreset = !!(preset.enterpriseId || preset.idleSiteId);

  async function save() {
    setSaving(true);
    try {
      const { targetType: _type, enterpriseId: _e, idleSiteId: _s, hazards: rows, ...fields } = form.getFieldsValue(true) as Values;
      const saved = await callApi('inspections.create', { ...fields, ...targetOf(form.getFieldsValue(true) as Values), hazards: (rows ?? []) as HazardRow[] });
      localStorage.setItem(lastInspectorsKey, saved.inspectors);
      message.success(saved.hazardCount ? `已保存检查记录，登记隐患 ${saved.hazardCount} 条${saved.majorCount ? `（其中重大隐患 ${saved.majorCount} 条）` : ''}` : '已保存检查记录（未发现隐患）');
      form.resetFields();
      navigate(`/hazards/inspections/${saved.id}`, { replace: true });
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      const first = form.getFieldsError().find((field) => field.errors.length);
      if (first) form.scrollToField(first.name, { block: 'center' });
      message.error(unplaced ?? '请按提示修改后再保存');
    } finally {
      setSaving(false);
    }
  }

  function cancel() {
    if (!form.isFieldsTouched()) {
      navigate(backTo);
      return;
    }
    modal.confirm({
      title: '放弃未保存的检查记录？',
      content: '表单中有尚未保存的内容，离开后将丢失。',
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '继续填写',
      onOk: () => navigate(backTo),
    });
  }

  const third = { xs: 24, md: 8 };
  return (
    <Card variant="borderless" title="新增检查记录" extra={<Link to={backTo} state={location.state}>返回</Link>}>
      <Form<Values>
        form={form}
        layout="vertical"
        name="inspection-form"
        initialValues={initialValues}
        onFinish={() => void save()}
        onValuesChange={clearErrorsOnChange(form)}
        requiredMark
        style={{ maxWidth: 980 }}
      >
        <Divider titlePlacement="start">检查情况</Divider>
        <TargetFields form={form} label="检查对象" known={known} autoFocus={!hasPreset} />
        <Row gutter={16}>
          <Col {...third}>
            <Form.Item name="inspectedOn" label="检查日期" required {...dateItemProps}>
              <DateInput style={{ width: '100%' }} disabledDate={isFutureDay} onChange={(day) => followDate(Array.isArray(day) ? undefined : day?.format('YYYY-MM-DD'))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="kind" label="检查类型" required>
              <Radio.Group optionType="button" options={inspectionKinds.map((value) => ({ value, label: `${value}检查` }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="inspectors" label="检查人员" required>
          <Input maxLength={100} placeholder="如：王强、李明（执法证号）" autoFocus={hasPreset} />
        </Form.Item>
        <Form.Item name="items" label="检查项目">
          <Input.TextArea rows={2} maxLength={1000} placeholder="如：危化品储存、动火作业管理、消防设施" />
        </Form.Item>
        <Form.Item name="notes" label="备注">
          <Input.TextArea rows={1} maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>

        <Form.List name="hazards">
          {(fields, { add, remove }) => (
            <>
              <Divider titlePlacement="start">发现的隐患（{fields.length} 条）</Divider>
              {fields.length === 0 && (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本次检查未发现隐患可不填；发现隐患请点击“添加一条”，每条隐患分别登记、分别整改" style={{ marginBottom: 16 }} />
              )}
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    className="hazard-entry"
                    title={`隐患 ${index + 1}`}
                    extra={
                      <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={`删除隐患${index + 1}`} onClick={() => remove(field.name)}>
                        删除
                      </Button>
                    }
                  >
                    <HazardFoundFields prefix={[field.name]} rowLabel={`隐患${index + 1}`} autoFocus={index === fields.length - 1} />
                  </Card>
                ))}
              </Space>
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                style={{ marginTop: 12, marginBottom: 24 }}
                onClick={() => add({ level: '一般', deadline: defaultDeadline(form.getFieldValue('inspectedOn') as string | undefined) } satisfies Partial<HazardRow>)}
              >
                添加一条隐患
              </Button>
            </>
          )}
        </Form.List>

        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存检查记录
          </Button>
          <Button onClick={cancel}>取消</Button>
          <Typography.Text type="secondary">保存后可下达整改指令书、上传现场照片</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
