import { App, Button, Card, Form, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import type { BackupSettings } from '../../../shared/api/backup';
import { callApi } from '../../api/client';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';

/** 自动备份设置 (管理员): how often the host backs up on its own, how many such copies stay, when to nag about the U盘. */
export function AutoBackupSettings({ settings, onSaved }: { settings: BackupSettings | undefined; onSaved: () => void }) {
  const [form] = Form.useForm<BackupSettings>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  // Keyed on the values, not the object: the status is reloaded after every backup, and that must not undo
  // what the administrator is typing here.
  const saved = settings ? JSON.stringify(settings) : null;
  useEffect(() => {
    if (saved) form.setFieldsValue(JSON.parse(saved) as BackupSettings);
  }, [saved, form]);

  async function save(values: BackupSettings) {
    setSaving(true);
    try {
      await callApi('backup.updateSettings', values);
      message.success('自动备份设置已保存');
      onSaved();
    } catch (error) {
      const unplaced = applyFieldErrors(form, error);
      message.error(unplaced ?? '请按提示修改后再保存');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title="自动备份设置" variant="borderless">
      <Form<BackupSettings>
        form={form}
        name="backup-settings"
        layout="vertical"
        disabled={!settings}
        onFinish={(values) => void save(values)}
        onValuesChange={clearErrorsOnChange(form)}
      >
        <Form.Item label="自动备份间隔（小时）" name="autoEveryHours" required extra="程序运行期间每隔这么久在本机自动备份一次；填 0 则只在每次启动时备份。">
          <InputNumber min={0} max={168} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="自动备份保留份数" name="autoKeep" required extra="超出的最早的自动备份会被删除。">
          <InputNumber min={1} max={100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label="U盘备份提醒（天）" name="usbWarnDays" required extra="超过这么多天未备份到U盘时，在本页提醒。">
          <InputNumber min={1} max={365} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
