import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { Tank } from '../../../shared/api/tanks';
import { tankStatuses, type TankStatus } from '../../../shared/domain/tank';
import { callApi } from '../../api/client';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';
import { dateItemProps } from '../../components/DateInputs';

type Selected = Pick<Tank, 'id' | 'code' | 'ownerName' | 'status' | 'responsibleName'>;

interface BulkModalProps {
  open: boolean;
  /** The tanks the action applies to (the list's selection, or one tank from its detail page). */
  tanks: Selected[];
  onClose: () => void;
  /** After a successful change: the caller reloads what it shows and clears its selection. */
  onDone: () => void;
}

/** Who the action is about, as the dialog states it: one tank by name, several by count. */
function subject(tanks: Selected[]): string {
  return tanks.length === 1 ? `储罐「${tanks[0].ownerName} ${tanks[0].code}」` : `已选的 ${tanks.length} 个储罐`;
}

interface StatusValues {
  status?: TankStatus;
  changedOn: string | null;
  reason?: string;
}

/**
 * 变更状态 for one or more tanks: the new status, the date it happened and why. Every change is kept in each
 * tank's 状态变更记录 (a tank 已拆除 stays in the register); tanks already in that status are left alone.
 */
export function ChangeStatusModal({ open, tanks, onClose, onDone }: BulkModalProps) {
  const [form] = Form.useForm<StatusValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const status = Form.useWatch('status', form);
  const alreadyThere = status ? tanks.filter((tank) => tank.status === status).length : 0;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ changedOn: dayjs().format('YYYY-MM-DD') });
    }
  }, [open, form]);

  async function save(values: StatusValues) {
    setSaving(true);
    try {
      const result = await callApi('tanks.changeStatus', {
        ids: tanks.map((tank) => tank.id),
        status: values.status as TankStatus,
        changedOn: values.changedOn ?? '',
        reason: values.reason ?? '',
      });
      const unchanged = result.unchanged > 0 ? `；${result.unchanged} 个原本就是“${values.status}”，未变更` : '';
      message.success(`已将 ${result.changed} 个储罐变更为“${values.status}”${unchanged}`);
      onDone();
      onClose();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced ?? '请按提示修改后再保存');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title="变更状态"
      okText="确认变更"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph>
        将{subject(tanks)}变更为新的状态。变更日期和原因记入每个储罐的状态变更记录；已拆除的储罐仍保留在台账中。
      </Typography.Paragraph>
      <Form form={form} name="tank-change-status" layout="vertical" onFinish={save} onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item label="新状态" name="status" required rules={[{ required: true, message: '请选择新状态' }]}>
          <Select placeholder="请选择" options={tankStatuses.map((value) => ({ label: value, value }))} />
        </Form.Item>
        <Form.Item label="变更日期" name="changedOn" required {...dateItemProps}>
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item label="变更原因" name="reason" required rules={[{ required: true, whitespace: true, message: '请填写变更原因' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount placeholder="如：企业停产，储罐清空停用" />
        </Form.Item>
        {alreadyThere > 0 && (
          <Alert
            type="info"
            showIcon
            title={
              alreadyThere === tanks.length
                ? `所选储罐都已是“${status}”，不会有变更`
                : `其中 ${alreadyThere} 个已是“${status}”，将保持不变；其余 ${tanks.length - alreadyThere} 个将被变更`
            }
          />
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

interface ResponsibleValues {
  responsibleName?: string;
  responsiblePhone?: string;
}

/** 指定盯靠责任人 for one or more tanks (seed 000: every tank has a person keeping watch on it). */
export function AssignResponsibleModal({ open, tanks, onClose, onDone }: BulkModalProps) {
  const [form] = Form.useForm<ResponsibleValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const replacing = tanks.filter((tank) => tank.responsibleName).length;

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  async function save(values: ResponsibleValues) {
    setSaving(true);
    try {
      const result = await callApi('tanks.assignResponsible', {
        ids: tanks.map((tank) => tank.id),
        responsibleName: values.responsibleName ?? '',
        responsiblePhone: values.responsiblePhone,
      });
      message.success(`已为 ${result.changed} 个储罐指定盯靠责任人：${values.responsibleName?.trim()}`);
      onDone();
      onClose();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced ?? '请按提示修改后再保存');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title="指定盯靠责任人"
      okText="确定"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph>为{subject(tanks)}指定专人盯靠。</Typography.Paragraph>
      <Form form={form} name="tank-assign-responsible" layout="vertical" onFinish={save} onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item label="盯靠责任人" name="responsibleName" required rules={[{ required: true, whitespace: true, message: '请填写盯靠责任人' }]}>
          <Input maxLength={20} autoFocus />
        </Form.Item>
        <Form.Item label="责任人电话" name="responsiblePhone">
          <Input maxLength={30} placeholder="手机或固话" />
        </Form.Item>
        {replacing > 0 && (
          <Alert type="warning" showIcon title={`其中 ${replacing} 个储罐已有盯靠责任人，将被替换为新指定的责任人`} />
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
