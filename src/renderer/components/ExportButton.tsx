import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal } from 'antd';
import { useState } from 'react';
import type { In } from '../../shared/api';
import { callApi } from '../api/client';
import { saveFile } from './files';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/**
 * 导出Excel for a list page: exports the same ledger the list shows (its filters, sort and columns) as a
 * background job in the backend, with a progress dialog that can cancel it, and downloads the file when done.
 */
export function ExportButton({ request }: { request: In<'exports.start'> }) {
  const { message } = App.useApp();
  const [starting, setStarting] = useState(false);
  const job = useJob({
    async onDone(status, isCurrent) {
      const file = await callApi('jobs.result', { id: status.id });
      if (!isCurrent()) return;
      saveFile(file.fileName, file.mimeType, file.dataBase64);
      message.success(`已导出：${file.fileName}`);
      job.reset();
    },
    onCancelled: () => job.reset(),
  });

  async function start() {
    setStarting(true);
    try {
      const started = await callApi('exports.start', request);
      job.watch(started.jobId);
    } catch (failure) {
      message.error((failure as Error).message);
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    const stopping = job.cancel();
    job.reset();
    if (await stopping) message.info('已取消导出');
  }

  return (
    <>
      <Button icon={<FileExcelOutlined />} loading={starting} onClick={start}>
        导出Excel
      </Button>
      <Modal
        title="导出Excel"
        open={job.jobId !== null}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
        footer={job.error ? <Button onClick={job.reset}>关闭</Button> : <Button onClick={cancel}>取消</Button>}
      >
        {job.error ? <Alert type="error" showIcon title="导出失败" description={job.error} /> : <JobProgress status={job.status} label="导出进度" />}
      </Modal>
    </>
  );
}
