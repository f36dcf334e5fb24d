import { SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BackupFile, BackupSummary } from '../../../shared/api/backup';
import type { JobStatus } from '../../../shared/api/jobs';
import { callApi, sessionStore } from '../../api/client';
import type { ApiQuery } from '../../api/useApi';
import { formatFileSize } from '../../components/files';
import { applyFieldErrors, clearErrorsOnChange } from '../../components/formErrors';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../components/useJob';
import { chosenFolder, folderFieldOf, FolderFields, type FolderValues } from './FolderFields';
import { formatBackupTime } from './format';
import { BackupSummaryView } from './BackupSummaryView';

interface CheckValues {
  password?: string;
}

/** The files found in a folder, and which folder that was (the choice above may have moved on since). */
interface Listing {
  folder: string;
  files: BackupFile[];
}

/**
 * 恢复 (管理员): find the backups in a folder, pick one, verify it (校验: checksums, password, version) and see
 * what it holds, then replace the current data with it after a confirmation. The backend backs the current
 * data up first and ends every session, so the page ends by sending the user back to the login screen.
 */
export function RestoreCard({ targets, localFolder }: { targets: ApiQuery<'backup.targets'>; localFolder: string | undefined }) {
  const [folderForm] = Form.useForm<FolderValues>();
  const [checkForm] = Form.useForm<CheckValues>();
  const { message, modal } = App.useApp();
  const [listing, setListing] = useState<Listing | null>(null);
  const [listingBusy, setListingBusy] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  // The verified summary belongs to the selected file and the password it was checked with.
  const [checked, setChecked] = useState<{ summary: BackupSummary; password: string | undefined } | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useJob({ onDone: (status) => restored(status), onCancelled: () => cancelled() });
  // Stays true once the restore is done: the page is about to go back to the login screen.
  const running = job.jobId !== null && !job.error;
  const restoring = running && job.status?.state !== 'done';

  // A restore from a backup without this administrator's account ends this session too: the next progress poll is
  // refused and the app falls back to the login screen, so say why before the page goes.
  useEffect(() => {
    if (!restoring) return undefined;
    return sessionStore.subscribe(() => {
      if (sessionStore.get()) return;
      modal.info({ title: '恢复完成', content: '数据已从备份恢复，所有用户都已退出登录。请用备份中的账户和密码重新登录。', okText: '知道了' });
    });
  }, [restoring, modal]);

  async function listFiles(values: FolderValues) {
    const place = chosenFolder(values, targets.data);
    if (!place) return;
    setListingBusy(true);
    try {
      const files = await callApi('backup.files', { folder: place.folder });
      setListing({ folder: place.folder, files });
      choose(files[0]?.path ?? null);
    } catch (error) {
      const unplaced = applyFieldErrors(folderForm, error, folderFieldOf(values));
      if (unplaced) message.error(unplaced);
      setListing(null);
      choose(null);
    } finally {
      setListingBusy(false);
    }
  }

  function choose(path: string | null) {
    setSelected(path);
    setChecked(null);
    setCheckError(null);
    checkForm.setFields([{ name: 'password', errors: [] }]);
  }

  async function check(values: CheckValues) {
    if (!selected) return;
    const password = values.password || undefined;
    setChecking(true);
    setChecked(null);
    setCheckError(null);
    try {
      const summary = await callApi('backup.inspect', { path: selected, password });
      setChecked({ summary, password });
    } catch (error) {
      showCheckError(error);
    } finally {
      setChecking(false);
    }
  }

  /** A refusal about the password goes under the password field; anything else (a damaged file…) above the buttons. */
  function showCheckError(error: unknown) {
    const unplaced = applyFieldErrors(checkForm, error);
    if (!unplaced) return;
    if (unplaced.includes('密码')) checkForm.setFields([{ name: 'password', errors: [unplaced] }]);
    else setCheckError(unplaced);
  }

  function confirmRestore() {
    if (!checked) return;
    const { summary, password } = checked;
    modal.confirm({
      title: '用这份备份替换当前数据？',
      width: 520,
      content: (
        <>
          <Typography.Paragraph>
            当前的全部数据（各台账、附件、账户和设置）将被替换为备份「{summary.fileName}」中的数据（备份于 {formatBackupTime(summary.createdAt)}）。
            此后录入的内容将不再存在。
          </Typography.Paragraph>
          <Typography.Paragraph>
            恢复前，程序会先把当前数据自动备份一份（恢复前自动备份）{localFolder ? `，保存在 ${localFolder}` : ''}，如需可再恢复回来。
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>恢复完成后，所有用户都须重新登录。</Typography.Paragraph>
        </>
      ),
      okText: '恢复',
      okButtonProps: { danger: true },
      // Replacing all data must not happen on a stray Enter.
      autoFocusButton: 'cancel',
      cancelText: '取消',
      onOk: () => start(summary.path, password),
    });
  }

  async function start(path: string, password: string | undefined) {
    setStarting(true);
    try {
      const started = await callApi('backup.restore', { path, password });
      job.watch(started.jobId);
    } catch (error) {
      // Refused before anything was done (another backup running, the file changed since 校验…).
      const unplaced = applyFieldErrors(checkForm, error);
      if (unplaced) message.error(unplaced);
    } finally {
      setStarting(false);
    }
  }

  function restored(status: JobStatus) {
    modal.success({
      title: '恢复完成',
      content: (
        <>
          <Typography.Paragraph>{status.message}</Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>所有用户都须重新登录，账户和密码以备份时为准。</Typography.Paragraph>
        </>
      ),
      okText: '重新登录',
      keyboard: false,
      onOk: async () => {
        // The backend has ended every other session (this one may have been carried over when the backup has the same
        // administrator): end it too, so everyone logs in against the restored accounts. The reload then drops every
        // page's data of the old database.
        await callApi('auth.logout', {}).catch(() => undefined);
        sessionStore.set(null);
        window.location.reload();
      },
    });
  }

  function cancelled() {
    job.reset();
    message.info('恢复已取消，当前数据未改变');
  }

  async function cancel() {
    const stopping = job.cancel();
    job.reset();
    const final = await stopping;
    // Past its point of no return the restore completes anyway.
    if (final?.state === 'done') restored(final);
    else if (final) cancelled();
  }

  return (
    <Card title="从备份恢复" variant="borderless">
      <Typography.Paragraph type="secondary">恢复会用备份中的数据替换当前全部数据。恢复前程序会自动备份当前数据。</Typography.Paragraph>
      <Form<FolderValues>
        form={folderForm}
        name="restore-folder"
        layout="vertical"
        disabled={running}
        onFinish={(values) => void listFiles(values)}
        onValuesChange={clearErrorsOnChange(folderForm)}
      >
        <FolderFields form={folderForm} targets={targets} label="备份所在位置" />
        <Button htmlType="submit" icon={<SearchOutlined />} loading={listingBusy}>
          查找备份文件
        </Button>
      </Form>
      {listing && (
        <>
          <Typography.Text type="secondary" className="backup-listing-title">
            {listing.folder} 中的备份文件
          </Typography.Text>
          <Table<BackupFile>
            rowKey="path"
            size="small"
            pagination={false}
            scroll={{ y: 240 }}
            dataSource={listing.files}
            locale={{ emptyText: '该文件夹中没有备份文件（.ajbak）' }}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: selected ? [selected] : [],
              onChange: (keys) => choose((keys[0] as string | undefined) ?? null),
              getCheckboxProps: (file) => ({ disabled: running, 'aria-label': `选择 ${file.fileName}` }),
            }}
            onRow={(file) => ({ onClick: () => !running && choose(file.path) })}
            columns={[
              { title: '文件名', dataIndex: 'fileName' },
              { title: '大小', dataIndex: 'sizeBytes', width: 100, align: 'right', render: formatFileSize },
              { title: '修改时间', dataIndex: 'modifiedAt', width: 150, render: formatBackupTime },
            ]}
          />
        </>
      )}
      {/* Mounted throughout (hidden until a file is picked), so picking another file can clear its messages. */}
      <Form<CheckValues>
        form={checkForm}
        name="restore-check"
        layout="vertical"
        disabled={running}
        className="backup-check"
        hidden={!selected}
        onFinish={(values) => void check(values)}
        onValuesChange={() => {
          checkForm.setFields([{ name: 'password', errors: [] }]);
          setChecked(null);
          setCheckError(null);
        }}
      >
        <Form.Item label="备份密码" name="password" rules={[{ min: 6, message: '密码至少 6 位' }]} extra="加密的备份须填写备份时设置的密码；未加密的不用填。">
          <Input.Password autoComplete="off" style={{ maxWidth: 320 }} />
        </Form.Item>
        {checkError && <Alert type="error" showIcon title="校验未通过" description={checkError} style={{ marginBottom: 16 }} />}
        {!checked && (
          <Button htmlType="submit" icon={<SafetyOutlined />} loading={checking}>
            校验
          </Button>
        )}
      </Form>
      {checked && (
        <div className="backup-check">
          <BackupSummaryView summary={checked.summary} />
          {!running && (
            <Button type="primary" danger loading={starting} onClick={confirmRestore}>
              恢复
            </Button>
          )}
        </div>
      )}
      {running && (
        <div className="backup-job">
          <JobProgress status={job.status} label="恢复进度" />
          <div>
            <Button onClick={() => void cancel()}>取消</Button>
          </div>
        </div>
      )}
      {job.error && <Alert className="backup-result" type="error" showIcon title="恢复失败" description={job.error} closable={{ onClose: job.reset }} />}
    </Card>
  );
}
