import { App, Button, Card, Col, Descriptions, Form, Input, Row, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/api/settings';
import { callApi } from '../../api/client';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { useStatus } from '../../app/StatusContext';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';
import { HolidaySettings } from './HolidaySettings';

export function SettingsPage() {
  const settings = useApiQuery('settings.get', {});
  const { status, reloadStatus } = useStatus();
  const [form] = Form.useForm<Settings>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const canSave = useCan()('settings.update');

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  async function save(values: Settings) {
    setSaving(true);
    try {
      await callApi('settings.update', values);
      message.success('设置已保存');
      settings.reload();
      reloadStatus();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced ?? '请按提示修改后再保存');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card title="单位与签字" variant="borderless">
          {settings.data ? (
            <Form form={form} layout="vertical" disabled={!canSave} onFinish={save} onValuesChange={clearErrorsOnChange(form)} style={{ maxWidth: 560 }} requiredMark>
              <Form.Item label="填报单位" name="orgName" required extra="打印在每一份台账的表头">
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item label="镇/街道名称" name="townName" required extra="用于台账标题，如“示例镇企业基本信息台账”">
                <Input maxLength={20} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item label="填表人" name="preparer">
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="审核人" name="reviewer">
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="负责人" name="principal">
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
              </Row>
              {canSave && (
                <Button type="primary" htmlType="submit" loading={saving}>
                  保存设置
                </Button>
              )}
            </Form>
          ) : (
            <Skeleton active />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title="关于本机数据" variant="borderless">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="程序版本">{status.appVersion}</Descriptions.Item>
            <Descriptions.Item label="数据库版本">{status.schemaVersion}</Descriptions.Item>
            <Descriptions.Item label="数据目录">{status.dataDir}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col span={24}>
        <HolidaySettings />
      </Col>
    </Row>
  );
}
