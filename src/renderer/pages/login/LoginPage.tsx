import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiCallError, callApi, sessionStore } from '../../api/client';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage({ orgName }: { orgName: string | null }) {
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: LoginValues) {
    setBusy(true);
    setError(null);
    try {
      sessionStore.set(await callApi('auth.login', { username: values.username ?? '', password: values.password ?? '' }));
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.message : String(caught));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4, color: '#c2410c' }}>
          安监台账
        </Typography.Title>
        <Typography.Paragraph type="secondary">{orgName ?? ''} · 请登录</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item label="用户名" name="username">
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password">
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
