import { App, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { callApi } from '../../api/client';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';

interface SetupValues {
  orgName: string;
  townName: string;
  start: 'demo' | 'empty';
}

/** First run: names the office (填报单位, printed on every ledger) and offers the demo town. */
export function SetupPage({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<SetupValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  async function submit(values: SetupValues) {
    setSaving(true);
    try {
      await callApi('system.setup', { orgName: values.orgName, townName: values.townName, loadDemo: values.start === 'demo' });
      message.success(values.start === 'demo' ? '已载入演示数据（示例镇）' : '设置完成');
      onDone();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      if (unplaced) message.error(unplaced);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
      <Card style={{ width: 520 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          欢迎使用安监台账
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          首次使用，请填写本单位名称。它将作为“填报单位”出现在打印的每一份台账上，以后可在“设置”中修改。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} onValuesChange={clearErrorsOnChange(form)} initialValues={{ start: 'demo' }} requiredMark>
          <Form.Item label="填报单位" name="orgName" required>
            <Input placeholder="例如：示例镇应急管理办公室" autoFocus maxLength={50} />
          </Form.Item>
          <Form.Item label="镇/街道名称" name="townName" required>
            <Input placeholder="例如：示例镇" maxLength={20} />
          </Form.Item>
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
