import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Out } from '../../../shared/api';
import type { Filing, FilingFields } from '../../../shared/api/filings';
import {
  gradingOf,
  heightWorkGrade,
  hotWorkGrades,
  liftingGrade,
  requiredDocumentsOf,
  specialWorkDocuments,
  specialWorkKinds,
  type HeightClass,
  type SpecialWorkGrade,
  type SpecialWorkKind,
} from '../../../shared/domain/specialWork';
import { ApiCallError, callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';
import { DateTimeInput, dateTimeItemProps } from '../../components/DateInputs';
import { EnterprisePicker } from '../../components/RecordPickers';

type Values = FilingFields;
type Check = Out<'filings.check'>;

const fieldKeys = [
  'enterpriseId',
  'kind',
  'grade',
  'heightM',
  'heightClass',
  'loadT',
  'place',
  'content',
  'plannedStart',
  'plannedEnd',
  'contractor',
  'contractorQualification',
  'leaderName',
  'leaderPhone',
  'guardianName',
  'workers',
  'tankIds',
  'riskIdentification',
  'measures',
  'documents',
  'warningReason',
] as const satisfies readonly (keyof Values)[];

function valuesOf(filing: Filing): Values {
  return {
    ...Object.fromEntries(fieldKeys.map((key) => [key, (filing as unknown as Record<string, unknown>)[key]])),
    tankIds: filing.tanks.map((tank) => tank.id),
    workers: filing.workers.map((worker) => ({ name: worker.name, certificateNo: worker.certificateNo })),
  } as Values;
}

/** The grade a draft has, as the server will compute it, so the document checklist can follow it. */
function draftGrade(values: Partial<Values>): SpecialWorkGrade | null {
  const kind = values.kind;
  if (!kind) return null;
  const grading = gradingOf(kind);
  if (grading === 'chosen') return (values.grade as SpecialWorkGrade | null | undefined) ?? null;
  if (grading === 'height') return typeof values.heightM === 'number' ? heightWorkGrade(values.heightM, (values.heightClass as HeightClass | null) ?? 'A') : null;
  if (grading === 'load') return typeof values.loadT === 'number' ? liftingGrade(values.loadT) : null;
  return null;
}

/** 新增/修改特殊作业报备: a page (the form is long), checked by the rules as it is filled in. */
export function FilingForm() {
  const params = useParams();
  const editingId = params.id ? Number(params.id) : null;
  const existing = useApiQuery('filings.get', editingId === null ? null : { id: editingId });
  const [search] = useSearchParams();
  const presetEnterprise = Number(search.get('enterpriseId')) || undefined;

  if (editingId !== null && !existing.data) {
    if (existing.error) return <Alert type="error" showIcon title={existing.error.message} />;
    return <Spin tip="正在加载…"><div style={{ height: 200 }} /></Spin>;
  }
  return <FilingFormBody filing={editingId !== null ? (existing.data ?? null) : null} presetEnterprise={presetEnterprise} />;
}

function FilingFormBody({ filing, presetEnterprise }: { filing: Filing | null; presetEnterprise?: number }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [check, setCheck] = useState<Check | null>(null);
  const initialValues = useMemo<Partial<Values>>(
    () => (filing ? valuesOf(filing) : { enterpriseId: presetEnterprise, kind: '动火', grade: '二级', heightClass: 'A', workers: [], documents: [], tankIds: [] }),
    [filing, presetEnterprise],
  );
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const kind = (values?.kind ?? initialValues.kind) as SpecialWorkKind | undefined;
  const enterpriseId = values?.enterpriseId ?? initialValues.enterpriseId;
  const grade = draftGrade(values ?? initialValues);
  const required = kind ? requiredDocumentsOf(kind, grade) : [];
  const checkSeq = useRef(0);

  // The rules run on the server as the form changes (debounced), so staff see errors and warnings before saving.
  const draftKey = JSON.stringify(values ?? {});
  const checkable = !!(values?.enterpriseId && values.kind && values.plannedStart && values.plannedEnd);
  useEffect(() => {
    if (!checkable) return undefined;
    const draft = form.getFieldsValue(true) as Values;
    const seq = ++checkSeq.current;
    const timer = window.setTimeout(() => {
      callApi('filings.check', { ...withDefaults(draft), ...(filing ? { id: filing.id } : {}) }).then(
        (result) => seq === checkSeq.current && setCheck(result),
        // A draft the schema refuses (e.g. a half-typed field) is shown on save, under its field.
        () => seq === checkSeq.current && setCheck(null),
      );
    }, 300);
    return () => window.clearTimeout(timer);
  }, [draftKey, checkable, filing, form]);
  const shownCheck = checkable ? check : null;

  const tanks = useApiQuery('tanks.list', enterpriseId ? { enterpriseId, pageSize: 200, sortField: 'code', sortOrder: 'ascend' } : null);

  async function save() {
    setSaving(true);
    try {
      const fields = withDefaults(form.getFieldsValue(true) as Values);
      const saved = filing ? await callApi('filings.update', { ...fields, id: filing.id }) : await callApi('filings.create', fields);
      message.success(filing ? `已保存报备 ${saved.number}` : `已登记报备 ${saved.number}，待审核`);
      form.resetFields();
      navigate(`/filings/${saved.id}`, { replace: !!filing });
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      if (error instanceof ApiCallError && error.fieldErrors?.warningReason) {
        form.scrollToField('warningReason');
      }
      message.error(unplaced ?? '请按提示修改后再保存');
    } finally {
      setSaving(false);
    }
  }

  function cancel() {
    const back = filing ? `/filings/${filing.id}` : '/filings';
    if (!form.isFieldsTouched()) {
      navigate(back);
      return;
    }
    modal.confirm({
      title: '放弃未保存的修改？',
      content: '表单中有尚未保存的内容，离开后将丢失。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: () => navigate(back),
    });
  }

  const half = { xs: 24, md: 12 };
  const third = { xs: 24, md: 8 };
  const grading = kind ? gradingOf(kind) : 'none';

  return (
    <Card
      variant="borderless"
      title={filing ? `修改报备 ${filing.number}` : '新增特殊作业报备'}
      extra={<Link to={filing ? `/filings/${filing.id}` : '/filings'}>返回</Link>}
      className="filing-form-card"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="filing-form"
        initialValues={initialValues}
        onFinish={() => void save()}
        onValuesChange={(changed) => {
          clearErrorsOnChange(form)(changed);
          // Tanks belong to one enterprise: picking another empties the choice.
          if ('enterpriseId' in changed) form.setFieldsValue({ tankIds: [] });
        }}
        requiredMark
        className="filing-form"
        style={{ maxWidth: 920 }}
      >
        <Divider titlePlacement="start">作业基本情况</Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="enterpriseId" label="报备企业" required>
              <EnterprisePicker known={filing ? { id: filing.enterpriseId, name: filing.enterpriseName } : undefined} autoFocus={!filing} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="kind" label="作业类别" required>
              <Select<SpecialWorkKind> options={specialWorkKinds.map((value) => ({ value, label: `${value}作业` }))} />
            </Form.Item>
          </Col>
        </Row>
        {grading === 'chosen' && (
          <Form.Item name="grade" label="动火级别" required extra="节假日、休息日和夜间（22:00—次日 6:00）动火，按高一级管理（GB 30871-2022 5.1.1）">
            <Radio.Group optionType="button" options={hotWorkGrades.map((value) => ({ value, label: value }))} />
          </Form.Item>
        )}
        {grading === 'height' && (
          <Row gutter={16}>
            <Col {...third}>
              <Form.Item name="heightM" label="作业高度（m）" required>
                <InputNumber min={0} max={1000} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="heightClass" label="类别" extra="有 GB/T 3608 所列直接引起坠落的客观危险因素的为 B 类，高一级">
                <Radio.Group optionType="button" options={[{ value: 'A', label: 'A 类' }, { value: 'B', label: 'B 类' }]} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item label="高处作业级别">
                <Typography.Text strong>{grade ?? '—'}</Typography.Text>
              </Form.Item>
            </Col>
          </Row>
        )}
        {grading === 'load' && (
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="loadT" label="吊物质量（t）" required>
                <InputNumber min={0} max={100000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label="吊装作业级别" extra="一级 >100 t，二级 40—100 t，三级 <40 t（GB 30871-2022 9.1）">
                <Typography.Text strong>{grade ?? '—'}</Typography.Text>
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="place" label="作业地点" required>
              <Input maxLength={100} placeholder="如：二号罐区 T-203 储罐顶部" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="tankIds" label="涉及储罐">
              <Select<number[]>
                mode="multiple"
                allowClear
                disabled={!enterpriseId}
                placeholder={enterpriseId ? '选择该企业的储罐（可多选）' : '请先选择报备企业'}
                options={(tanks.data?.items ?? []).map((tank) => ({ value: tank.id, label: `${tank.code}${tank.medium ? `（${tank.medium}，${tank.status}）` : `（${tank.status}）`}` }))}
                optionFilterProp="label"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="content" label="作业内容" required>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="plannedStart" label="计划开始时间" required {...dateTimeItemProps}>
              <DateTimeInput />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="plannedEnd" label="计划结束时间" required {...dateTimeItemProps}>
              <DateTimeInput />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">施工单位与人员</Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="contractor" label="施工单位">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contractorQualification" label="资质证书编号">
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="leaderName" label="作业负责人" required>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="leaderPhone" label="负责人电话">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="guardianName" label="监护人" required>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="workers">
          {(fields, { add, remove }) => (
            <Form.Item label="作业人员及证书编号">
              <Space orientation="vertical" style={{ width: '100%' }} size={6}>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start">
                    <Form.Item name={[field.name, 'name']} noStyle>
                      <Input aria-label={`作业人员${index + 1}姓名`} placeholder="姓名" maxLength={20} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'certificateNo']} noStyle>
                      <Input aria-label={`作业人员${index + 1}证书编号`} placeholder="特种作业操作证编号" maxLength={40} style={{ width: 280 }} />
                    </Form.Item>
                    <Button aria-label={`删除作业人员${index + 1}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', certificateNo: '' })}>
                  添加作业人员
                </Button>
              </Space>
            </Form.Item>
          )}
        </Form.List>

        <Divider titlePlacement="start">风险与措施</Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="riskIdentification" label="危害识别">
              <Input.TextArea rows={3} maxLength={1000} placeholder="如：可燃气体残留、高处坠落、触电" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="measures" label="安全措施">
              <Input.TextArea rows={3} maxLength={1000} placeholder="如：清洗置换、气体分析合格、配备灭火器两具" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">报备材料</Divider>
        <Form.Item name="documents" label="已提交的材料" extra="材料原件的扫描件或照片可在保存后于报备详情页上传为附件">
          <Checkbox.Group>
            <Row gutter={[8, 8]}>
              {specialWorkDocuments.map((document) => (
                <Col key={document} xs={24} sm={12} md={8}>
                  <Checkbox value={document}>
                    {document} {required.includes(document) && <Tag color="red">必需</Tag>}
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>

        <Divider titlePlacement="start">规则检查</Divider>
        <RuleCheck check={shownCheck} />
        {shownCheck && shownCheck.warnings.length > 0 && (
          <Form.Item name="warningReason" label="继续报备的理由" required extra="有提醒时须说明理由方可保存，理由随报备存档">
            <Input.TextArea rows={2} maxLength={300} placeholder="如：停产检修，已按一级动火审批并落实视频监控" />
          </Form.Item>
        )}

        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {filing ? '保存修改' : '提交报备'}
          </Button>
          <Button onClick={cancel}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** Defaults the API expects for fields the form may leave untouched. */
function withDefaults(values: Values): Values {
  return {
    ...values,
    workers: (values.workers ?? []).filter((worker) => worker && worker.name?.trim()),
    documents: values.documents ?? [],
    tankIds: values.tankIds ?? [],
  };
}

function RuleCheck({ check }: { check: Check | null }) {
  if (!check) return <Typography.Paragraph type="secondary">选择企业、作业类别并填写计划时间后，这里显示按 GB 30871-2022 和本办规定检查的结果。</Typography.Paragraph>;
  if (!check.errors.length && !check.warnings.length) {
    return <Alert type="success" showIcon title="检查通过：未发现问题" style={{ marginBottom: 16 }} />;
  }
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} className="filing-rule-check">
      {check.errors.map((finding) => (
        <Alert key={`${finding.code}-${finding.message}`} type="error" showIcon title={finding.message} />
      ))}
      {check.warnings.map((finding) => (
        <Alert key={`${finding.code}-${finding.message}`} type="warning" showIcon title={finding.message} />
      ))}
    </Space>
  );
}
