import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { passwordRule, roleLabels } from '../../shared/domain/roles';
import { callApi, sessionStore } from '../api/client';
import { applyFieldErrors, clearErrorsOnChange } from '../components/formErrors';
import { useStatus } from './StatusContext';

interface PasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** The header's account menu: who is logged in, change own password, log out. */
export function UserMenu() {
  const { status } = useStatus();
  const [changing, setChanging] = useState(false);
  const [form] = Form.useForm<PasswordValues>();
  const { message } = App.useApp();
  const user = status.user!;

  async function logout() {
    await callApi('auth.logout', {}).catch(() => undefined);
    sessionStore.set(null);
  }

  async function changePassword(values: PasswordValues) {
    if (values.newPassword !== values.confirm) {
      form.setFields([{ name: 'confirm', errors: ['两次输入的密码不一致'] }]);
      return;
    }
    try {
      await callApi('auth.changePassword', { oldPassword: values.oldPassword ?? '', newPassword: values.newPassword ?? '' });
      message.success('密码已修改');
      setChanging(false);
      form.resetFields();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      if (unplaced) message.error(unplaced);
    }
  }

  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'password', label: '修改密码' },
            { key: 'logout', label: '退出登录', danger: true },
          ],
          onClick: ({ key }) => (key === 'logout' ? void logout() : setChanging(true)),
        }}
      >
        <Button type="text" icon={<UserOutlined />}>
          {user.displayName}
          <Tag style={{ marginInline: 6 }}>{roleLabels[user.role]}</Tag>
          <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={changing}
        title="修改密码"
        okText="保存"
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setChanging(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={changePassword} onValuesChange={clearErrorsOnChange(form)}>
          <Form.Item label="原密码" name="oldPassword">
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Form.Item label="新密码" name="newPassword" extra={passwordRule.hint}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label="确认新密码" name="confirm">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      </Modal>
    </>
  );
}
