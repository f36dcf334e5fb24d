import { Alert, App, Form, Input, Radio, Space, Switch, Tooltip, Typography, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { PasswordProps } from 'antd/es/input';
import { isAcceptablePassword, passwordRule, roleLabels, roles, type Role } from '../../../shared/domain/roles';

/** What each role may do, in one line, so the administrator picks knowingly. */
export const roleHelp: Record<Role, string> = {
  admin: '全部台账可录入、修改；另可管理账户和设置、查看操作日志、彻底删除回收站记录',
  staff: '录入、修改、删除台账（删除的记录进回收站），不能管理账户和设置',
  readonly: '只能查看、打印和导出台账，不能修改任何内容，适合领导查阅',
};

export const roleColors: Record<Role, string> = { admin: 'volcano', staff: 'blue', readonly: 'default' };

/**
 * The shared password rule checked as the user types, so a weak password is caught before anything is
 * sent (and before the reset confirmation); the backend checks the same rule again.
 */
export const passwordRules: Rule[] = [
  { required: true, message: '请填写密码' },
  {
    validator: (_rule, value?: string) =>
      !value || isAcceptablePassword(value) ? Promise.resolve() : Promise.reject(new Error(passwordRule.hint)),
  },
];

/** “确认密码” must repeat the field `passwordField`. */
export function confirmRules(passwordField: string): Rule[] {
  return [
    ({ getFieldValue }) => ({
      validator: (_rule, value?: string) => {
        const password = getFieldValue(passwordField) as string | undefined;
        if ((value ?? '') === (password ?? '')) return Promise.resolve();
        return Promise.reject(new Error(value ? '两次输入的密码不一致' : '请再次输入密码'));
      },
    }),
  ];
}

/**
 * A new-password input with the password rule under it. The rule hides while the field shows an error, which
 * already says the rule: as the Form.Item's `extra` it would appear twice, once red and once grey.
 */
export function NewPasswordInput(props: PasswordProps) {
  const { errors } = Form.Item.useStatus();
  return (
    <>
      <Input.Password autoComplete="new-password" {...props} />
      {errors.length === 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {passwordRule.hint}
        </Typography.Text>
      )}
    </>
  );
}

export function RoleField() {
  return (
    <Form.Item label="角色" name="role" required>
      <Radio.Group>
        <Space orientation="vertical" size={6}>
          {roles.map((role) => (
            <Radio key={role} value={role}>
              <Typography.Text strong>{roleLabels[role]}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {roleHelp[role]}
              </Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Form.Item>
  );
}

export interface CreateUserValues {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  confirm: string;
}

export function CreateUserFields() {
  return (
    <>
      <Space.Compact block>
        <Form.Item label="用户名" name="username" required extra="登录时使用，创建后不能修改" style={{ flex: 1, marginRight: 12 }}>
          <Input autoFocus maxLength={32} autoComplete="off" placeholder="字母、数字或 _ . -，如 zhangwei" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" required style={{ flex: 1 }}>
          <Input maxLength={20} placeholder="例如：张伟" />
        </Form.Item>
      </Space.Compact>
      <RoleField />
      <Space.Compact block>
        <Form.Item label="初始密码" name="password" rules={passwordRules} style={{ flex: 1, marginRight: 12 }}>
          <NewPasswordInput />
        </Form.Item>
        <Form.Item label="确认密码" name="confirm" required dependencies={['password']} rules={confirmRules('password')} style={{ flex: 1 }}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        请将用户名和初始密码当面告知本人，并提醒其登录后在右上角“修改密码”中改为自己的密码。
      </Typography.Paragraph>
    </>
  );
}

export interface EditUserValues {
  displayName: string;
  role: Role;
  disabled: boolean;
}

/** 姓名, 角色 and 停用; `self` is the logged-in administrator's own account. */
export function EditUserFields({ form, username, self }: { form: FormInstance<EditUserValues>; username: string; self: boolean }) {
  const role = Form.useWatch('role', form);
  const displayName = Form.useWatch('displayName', form);
  return (
    <>
      <Form.Item label="用户名">
        <Typography.Text>{username}</Typography.Text>
      </Form.Item>
      <Form.Item label="姓名" name="displayName" required>
        <Input autoFocus maxLength={20} />
      </Form.Item>
      <RoleField />
      {self && role && role !== 'admin' && (
        <Alert
          type="warning"
          showIcon
          title="这是您自己的账户：改为其他角色并保存后，您将不能再管理账户和设置。"
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        label="停用账户"
        name="disabled"
        extra="停用的账户不能登录，已登录的窗口立即退出；其录入的数据和操作日志都会保留，可随时重新启用。"
      >
        <DisableSwitch self={self} displayName={displayName || username} />
      </Form.Item>
    </>
  );
}

/**
 * The 停用 switch: turning it on asks first. The logged-in administrator cannot switch off their own account
 * here (another administrator can), so the office never locks itself out by a slip of the mouse.
 */
function DisableSwitch(props: { id?: string; value?: boolean; onChange?: (value: boolean) => void; self: boolean; displayName: string }) {
  const { id, value, onChange, self, displayName } = props;
  const { modal } = App.useApp();

  function change(checked: boolean) {
    if (!checked) {
      onChange?.(false);
      return;
    }
    modal.confirm({
      title: `停用「${displayName}」？`,
      content: '保存后该账户立即退出登录，且不能再登录。数据和操作日志都会保留，以后可重新启用。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => onChange?.(true),
    });
  }

  const control = <Switch id={id} checked={value ?? false} disabled={self} onChange={change} checkedChildren="已停用" unCheckedChildren="启用中" />;
  if (!self) return control;
  return (
    <Tooltip title="不能停用自己的账户；如确需停用，请由其他管理员操作">
      {/* A disabled control fires no mouse events, so the wrapper carries the tooltip. */}
      <span style={{ display: 'inline-block' }}>{control}</span>
    </Tooltip>
  );
}
