import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { User } from '../../../shared/api/auth';
import { callApi } from '../../api/client';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';
import { confirmRules, NewPasswordInput, passwordRules } from './UserFormFields';

interface ResetValues {
  password: string;
  confirm: string;
}

/**
 * 重置密码 for someone who forgot theirs. Asks once more before resetting, because it ends that person's
 * sessions at once (they may be in the middle of typing a ledger on another PC).
 */
export function ResetPasswordModal({ user, onClose, onDone }: { user: User | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<ResetValues>();
  const [saving, setSaving] = useState(false);
  const { message, modal } = App.useApp();

  function confirmReset(values: ResetValues) {
    if (!user) return;
    modal.confirm({
      title: `确认重置「${user.displayName}」的密码？`,
      content: '该账户已登录的窗口会立即退出，需用新密码重新登录。',
      okText: '重置密码',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => reset(user, values.password),
    });
  }

  async function reset(target: User, password: string) {
    setSaving(true);
    try {
      await callApi('users.resetPassword', { id: target.id, password });
      message.success(`已重置「${target.displayName}」的密码`);
      onDone();
      onClose();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      if (unplaced) message.error(unplaced);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={user !== null}
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      okText="重置密码"
      cancelText="取消"
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="重置后，该账户已登录的窗口会立即退出，需用新密码重新登录；如账户因输错密码被锁定，也会一并解锁。"
      />
      <Form form={form} name="resetPassword" layout="vertical" onFinish={confirmReset} onValuesChange={clearErrorsOnChange(form)} requiredMark>
        <Form.Item label="新密码" name="password" required rules={passwordRules}>
          <NewPasswordInput autoFocus />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirm" required dependencies={['password']} rules={confirmRules('password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
