import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Switch } from 'antd';
import { useState } from 'react';
import { callApi } from '../../api/client';
import type { ApiQuery } from '../../api/useApi';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/useJob';
import { chosenFolder, folderFieldOf, FolderFields, type FolderValues } from './FolderFields';

interface BackupValues extends FolderValues {
  encrypt?: boolean;
  password?: string;
  confirm?: string;
}

/** The backend's rule for a backup password, checked as the user types. */
const passwordRules = [
  { required: true, message: '请输入密码' },
  { min: 6, message: '密码至少 6 位' },
  { max: 128, message: '密码不能超过 128 位' },
];

/**
 * 立即备份: writes a verified backup to a U盘, the automatic-backup folder or a typed folder, optionally
 * encrypted, as a cancellable job. `onBackedUp` refreshes the status and 备份记录 above and below.
 */
export function BackupNowCard({ targets, onBackedUp }: { targets: ApiQuery<'backup.targets'>; onBackedUp: () => void }) {
  const [form] = Form.useForm<BackupValues>();
  const encrypt = Form.useWatch('encrypt', form);
  const { message } = App.useApp();
  const [starting, setStarting] = useState(false);
  // The last finished backup's own report (where the file went, that it was read back and verified).
  const [finished, setFinished] = useState<string | null>(null);
  const job = useJob({
    onDone(status) {
      setFinished(status.message);
      job.reset();
      // The password is not kept on screen once it has done its work.
      form.setFieldsValue({ password: undefined, confirm: undefined });
      onBackedUp();
      targets.reload();
    },
    onCancelled() {
      job.reset();
      message.info('备份已取消');
    },
  });
  const running = job.jobId !== null && !job.error;

  async function start(values: BackupValues) {
    const place = chosenFolder(values, targets.data);
    if (!place) return;
    setStarting(true);
    setFinished(null);
    try {
      const started = await callApi('backup.start', {
        folder: place.folder,
        removable: place.removable,
        password: values.encrypt ? values.password : undefined,
      });
      job.watch(started.jobId);
    } catch (error) {
      const unplaced = applyFieldErrors(form, error, folderFieldOf(values));
      message.error(unplaced ?? '请按提示修改后再备份');
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    const stopping = job.cancel();
    job.reset();
    const final = await stopping;
    // A backup already past its last step finishes anyway, and then it counts as made.
    if (final?.state === 'done') {
      setFinished(final.message);
      onBackedUp();
    } else if (final) {
      message.info('备份已取消，未完成的文件已删除');
    }
  }

  return (
    <Card title="立即备份" variant="borderless">
      <Form<BackupValues>
        form={form}
        name="backup-now"
        layout="vertical"
        disabled={running}
        initialValues={{ encrypt: false }}
        onFinish={(values) => void start(values)}
        onValuesChange={clearErrorsOnChange(form)}
      >
        <FolderFields form={form} targets={targets} label="备份到" />
        <Form.Item name="encrypt" label="加密" valuePropName="checked" extra="加密后，恢复时须输入密码；密码遗失将无法恢复，请妥善保管。">
          <Switch checkedChildren="加密" unCheckedChildren="不加密" />
        </Form.Item>
        {encrypt && (
          <Space.Compact block>
            <Form.Item label="密码" name="password" rules={passwordRules} style={{ flex: 1, marginRight: 12 }}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="确认密码"
              name="confirm"
              required
              dependencies={['password']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, value?: string) => {
                    if ((value ?? '') === (getFieldValue('password') ?? '')) return Promise.resolve();
                    return Promise.reject(new Error(value ? '两次输入的密码不一致' : '请再次输入密码'));
                  },
                }),
              ]}
              style={{ flex: 1 }}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Space.Compact>
        )}
        {!running && (
          <Button type="primary" htmlType="submit" icon={<CloudUploadOutlined />} loading={starting}>
            开始备份
          </Button>
        )}
      </Form>
      {running && (
        <div className="backup-job">
          <JobProgress status={job.status} label="备份进度" />
          <div>
            <Button onClick={() => void cancel()}>取消</Button>
          </div>
        </div>
      )}
      {job.error && <Alert className="backup-result" type="error" showIcon title="备份失败" description={job.error} closable={{ onClose: job.reset }} />}
      {finished && <Alert className="backup-result" type="success" showIcon title="备份完成" description={finished} closable={{ onClose: () => setFinished(null) }} />}
    </Card>
  );
}
