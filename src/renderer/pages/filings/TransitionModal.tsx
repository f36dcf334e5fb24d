import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { In } from '../../../shared/api';
import type { Filing } from '../../../shared/api/filings';
import { filingActionLabels, type FilingAction } from '../../../shared/domain/specialWork';
import { ApiCallError, callApi } from '../../api/client';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';
import { dateItemProps, dateTimeItemProps, isFutureDay } from '../../components/DateInputs';

type Values = Omit<In<'filings.transition'>, 'id' | 'action'>;

/** What the remark is called for each action, and whether it must be given. */
const remarkOf: Record<FilingAction, { label: string; required: boolean; placeholder?: string }> = {
  passReview: { label: '审核意见', required: false, placeholder: '如：施工方案、资质、应急处置措施齐全' },
  siteCheck: { label: '核查意见', required: false, placeholder: '不合格时必填，写明问题' },
  start: { label: '备注', required: false },
  complete: { label: '完工复查意见', required: true, placeholder: '如：现场已清理，无遗留火种，设备恢复正常' },
  reject: { label: '驳回理由', required: true, placeholder: '如：缺少吊装方案，请补充后重新报备' },
  withdraw: { label: '撤销原因', required: true, placeholder: '如：企业取消作业计划' },
  markOverdue: { label: '备注', required: false, placeholder: '如：已电话督促企业，明日复查' },
};

/** One workflow step: asks what the step records, and sends it; the server refuses what is not allowed. */
export function TransitionModal({ filing, action, onClose, onDone }: { filing: Filing; action: FilingAction; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [needReason, setNeedReason] = useState(false);
  const { message } = App.useApp();
  const passed = Form.useWatch('siteCheckPassed', form);
  // Mounted afresh for each step (the caller keys it by action), so these are the step's starting values.
  const [initialValues] = useState<Partial<Values>>(() => ({
    siteCheckOn: action === 'siteCheck' ? dayjs().format('YYYY-MM-DD') : undefined,
    siteCheckPassed: action === 'siteCheck' ? true : undefined,
    at: action === 'start' || action === 'complete' ? dayjs().format('YYYY-MM-DD HH:mm') : undefined,
  }));

  const remark = remarkOf[action];
  const remarkRequired = remark.required || (action === 'siteCheck' && passed === false);

  async function submit() {
    setSaving(true);
    try {
      const values = form.getFieldsValue(true) as Values;
      const result = await callApi('filings.transition', { id: filing.id, action, ...values });
      message.success(`报备 ${result.number}：${filingActionLabels[action]}，现为「${result.status}」`);
      onDone();
      onClose();
    } catch (error) {
      if (error instanceof ApiCallError && error.fieldErrors?.warningReason) setNeedReason(true);
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced ?? '请按提示修改后再提交');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={`${filingActionLabels[action]}：${filing.number}`}
      okText={filingActionLabels[action]}
      okButtonProps={{ danger: action === 'reject' || action === 'withdraw' || action === 'markOverdue' }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {filing.enterpriseName} · {filing.kind}作业{filing.grade ? `（${filing.grade}）` : ''} · {filing.plannedStart} — {filing.plannedEnd}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" name="filing-transition" initialValues={initialValues} onFinish={() => void submit()} onValuesChange={clearErrorsOnChange(form)}>
        {action === 'siteCheck' && (
          <>
            <Form.Item name="siteCheckPassed" label="核查结果" required>
              <Radio.Group optionType="button" options={[{ value: true, label: '合格，准予作业' }, { value: false, label: '不合格，驳回' }]} />
            </Form.Item>
            <Form.Item name="siteCheckOn" label="核查日期" required {...dateItemProps}>
              <DatePicker style={{ width: '100%' }} disabledDate={isFutureDay} />
            </Form.Item>
            <Form.Item name="siteCheckInspectors" label="核查人员" required>
              <Input maxLength={60} placeholder="如：王志强、李惠玲" />
            </Form.Item>
          </>
        )}
        {(action === 'start' || action === 'complete') && (
          <Form.Item name="at" label={action === 'start' ? '实际开始时间' : '实际完工时间'} required {...dateTimeItemProps}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="remark" label={remark.label} required={remarkRequired}>
          <Input.TextArea rows={3} maxLength={500} placeholder={remark.placeholder} />
        </Form.Item>
        {needReason && (
          <>
            <Alert type="warning" showIcon title="复核发现新的提醒，须说明理由方可继续" style={{ marginBottom: 12 }} />
            <Form.Item name="warningReason" label="继续的理由" required>
              <Input.TextArea rows={2} maxLength={300} />
            </Form.Item>
          </>
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
