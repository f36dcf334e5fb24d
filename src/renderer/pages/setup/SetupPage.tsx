import { App, Button, Card, Divider, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { passwordRule } from '../../../shared/domain/roles';
import { callApi, sessionStore } from '../../api/client';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';

interface SetupValues {
  orgName: string;
  townName: string;
  start: 'demo' | 'empty';
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/**
 * First run: names the office (填报单位, printed on every ledger), creates the administrator account and
 * offers the demo town. The administrator is logged in at once.
 */
export function SetupPage({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<SetupValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  async function submit(values: SetupValues) {
    if (values.password !== values.confirm) {
      form.setFields([{ name: 'confirm', errors: ['两次输入的密码不一致'] }]);
      return;
    }
    setSaving(true);
    try {
      const { session } = await callApi('system.setup', {
        orgName: values.orgName,
        townName: values.townName,
        loadDemo: values.start === 'demo',
        admin: { username: values.username, displayName: values.displayName, password: values.password },
      });
      sessionStore.set(session);
      message.success(values.start === 'demo' ? '已载入演示数据（示例镇）' : '设置完成');
      onDone();
    } catch (error) {
      // The administrator's fields arrive as admin.username etc.; they sit at the top level of this form.
      const unplaced = applyFieldErrors(form, error, (field) => field.replace(/^admin\./, ''));
      if (unplaced) message.error(unplaced);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
      <Card style={{ width: 560 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          欢迎使用安监台账
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          首次使用，请填写本单位名称。它将作为“填报单位”出现在打印的每一份台账上，以后可在“设置”中修改。
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={clearErrorsOnChange(form)}
          initialValues={{ start: 'demo', username: 'admin' }}
          requiredMark
        >
          <Form.Item label="填报单位" name="orgName" required>
            <Input placeholder="例如：示例镇应急管理办公室" autoFocus maxLength={50} />
          </Form.Item>
          <Form.Item label="镇/街道名称" name="townName" required>
            <Input placeholder="例如：示例镇" maxLength={20} />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            管理员账户
          </Divider>
          <Space.Compact block>
            <Form.Item label="用户名" name="username" required style={{ flex: 1, marginRight: 12 }}>
              <Input maxLength={32} autoComplete="username" />
            </Form.Item>
            <Form.Item label="姓名" name="displayName" required style={{ flex: 1 }}>
              <Input maxLength={20} placeholder="例如：李丽芳" />
            </Form.Item>
          </Space.Compact>
          <Space.Compact block>
            <Form.Item label="密码" name="password" required extra={passwordRule.hint} style={{ flex: 1, marginRight: 12 }}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item label="确认密码" name="confirm" required style={{ flex: 1 }}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Space.Compact>
          <Form.Item label="开始方式" name="start">
            <Radio.Group>
              <Space direction="vertical">
                <Radio value="demo">载入演示数据（虚构的“示例镇”，便于熟悉功能）</Radio>
                <Radio value="empty">从空白开始（录入或导入本镇的真实数据）</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block size="large">
            开始使用
          </Button>
        </Form>
      </Card>
    </div>
  );
}
