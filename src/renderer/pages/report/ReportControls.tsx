import { FileTextOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, InputNumber, Radio, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReportRequest } from '../../../shared/api/report';
import { reportPeriodKindLabels, reportPeriodKinds, type ReportPeriodKind } from '../../../shared/domain/reportPeriod';
import { useApiQuery } from '../../api/useApi';
import { clearErrorsOnChange } from '../../components/formErrors';

/** The form's values: dates as dayjs for the pickers, the scope as a choice plus the villages. */
export interface ReportFormValues {
  kind: ReportPeriodKind;
  year: number;
  index?: number;
  from?: Dayjs | null;
  to?: Dayjs | null;
  scope: 'town' | 'villages';
  villageIds?: number[];
}

const quarterOptions = ['第一季度', '第二季度', '第三季度', '第四季度'].map((label, index) => ({ value: index + 1, label }));
const halfOptions = [
  { value: 1, label: '上半年' },
  { value: 2, label: '下半年' },
];
const monthOptions = Array.from({ length: 12 }, (_, index) => ({ value: index + 1, label: `${index + 1}月` }));

/** The current month, quarter or half of `today` for a kind; what a newly chosen kind starts on. */
function currentIndex(kind: ReportPeriodKind, today: Dayjs): number | undefined {
  if (kind === 'month') return today.month() + 1;
  if (kind === 'quarter') return Math.floor(today.month() / 3) + 1;
  if (kind === 'half') return today.month() < 6 ? 1 : 2;
  return undefined;
}

/** A new form: this quarter of this year over the whole town. */
export function initialFormValues(today = dayjs()): ReportFormValues {
  return { kind: 'quarter', year: today.year(), index: currentIndex('quarter', today), scope: 'town', villageIds: [] };
}

/** The form for a request (a report generated before, coming back to the page). */
export function formValuesOf(request: ReportRequest): ReportFormValues {
  return {
    kind: request.kind,
    year: request.year,
    index: request.index,
    from: request.from ? dayjs(request.from) : null,
    to: request.to ? dayjs(request.to) : null,
    scope: request.villageIds?.length ? 'villages' : 'town',
    villageIds: request.villageIds ?? [],
  };
}

/** The API request for the form: only the fields the kind uses (the backend checks the rest). */
export function requestOf(values: ReportFormValues): ReportRequest {
  const villageIds = values.scope === 'villages' && values.villageIds?.length ? values.villageIds : undefined;
  const base = { kind: values.kind, year: values.year, villageIds };
  if (values.kind === 'custom') {
    // The year of a custom period is its start's; the backend ignores it for the period itself.
    return { ...base, year: values.from?.year() ?? values.year, from: values.from?.format('YYYY-MM-DD'), to: values.to?.format('YYYY-MM-DD') };
  }
  if (values.kind === 'year') return base;
  return { ...base, index: values.index };
}

/** 统计期间, 年份, the month/quarter/half (or the dates of a custom period), 范围 and 生成汇报. */
export function ReportControls({
  form,
  busy,
  initialValues,
  onGenerate,
}: {
  form: FormInstance<ReportFormValues>;
  busy: boolean;
  initialValues: ReportFormValues;
  onGenerate: (values: ReportFormValues) => void;
}) {
  const villages = useApiQuery('villages.options', {});
  const kind = Form.useWatch('kind', form) ?? 'quarter';
  const scope = Form.useWatch('scope', form) ?? 'town';

  function changed(values: Partial<ReportFormValues>) {
    clearErrorsOnChange(form)(values);
    // A new kind starts on the current month/quarter/half, so the selector never holds a 5th quarter.
    if (values.kind !== undefined) form.setFieldsValue({ index: currentIndex(values.kind, dayjs()) });
  }

  return (
    <Form<ReportFormValues> form={form} layout="inline" className="report-controls" initialValues={initialValues} onValuesChange={changed} onFinish={onGenerate}>
      <Form.Item label="统计期间" name="kind">
        <Radio.Group optionType="button" buttonStyle="solid" options={reportPeriodKinds.map((value) => ({ value, label: reportPeriodKindLabels[value] }))} />
      </Form.Item>
      {kind !== 'custom' && (
        <Form.Item label="年份" name="year">
          <InputNumber min={2000} max={2100} precision={0} suffix="年" style={{ width: 110 }} aria-label="年份" />
        </Form.Item>
      )}
      {kind === 'month' && (
        <Form.Item label="月份" name="index">
          <Select options={monthOptions} style={{ width: 90 }} aria-label="月份" />
        </Form.Item>
      )}
      {kind === 'quarter' && (
        <Form.Item label="季度" name="index">
          <Select options={quarterOptions} style={{ width: 120 }} aria-label="季度" />
        </Form.Item>
      )}
      {kind === 'half' && (
        <Form.Item label="半年" name="index">
          <Select options={halfOptions} style={{ width: 100 }} aria-label="半年" />
        </Form.Item>
      )}
      {kind === 'custom' && (
        <>
          <Form.Item label="开始日期" name="from">
            <DatePicker aria-label="开始日期" placeholder="开始日期" />
          </Form.Item>
          <Form.Item label="结束日期" name="to">
            <DatePicker aria-label="结束日期" placeholder="结束日期" />
          </Form.Item>
        </>
      )}
      <Form.Item label="范围" name="scope">
        <Radio.Group
          options={[
            { value: 'town', label: '全镇' },
            { value: 'villages', label: '指定村/社区' },
          ]}
        />
      </Form.Item>
      {scope === 'villages' && (
        <Form.Item name="villageIds" rules={[{ required: true, type: 'array', min: 1, message: '请选择村/社区' }]}>
          <Select
            mode="multiple"
            allowClear
            aria-label="村/社区"
            placeholder="选择村/社区"
            loading={villages.loading}
            optionFilterProp="label"
            maxTagCount="responsive"
            style={{ minWidth: 220, maxWidth: 420 }}
            options={(villages.data ?? []).map((village) => ({ value: village.id, label: village.name }))}
          />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<FileTextOutlined />} loading={busy}>
          生成汇报
        </Button>
      </Form.Item>
    </Form>
  );
}
