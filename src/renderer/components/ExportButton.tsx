import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Progress, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { In } from '../../shared/api';
import type { JobStatus } from '../../shared/api/jobs';
import { callApi } from '../api/client';

const pollMs = 300;

/** Hands a finished file to the browser's (or Electron's) download: a Blob behind a temporary <a download>. */
function saveFile(fileName: string, mimeType: string, dataBase64: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on a later turn: the download has taken its own reference by then.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 导出Excel for a list page: exports the same ledger the list shows (its filters, sort and columns) as a
 * background job in the backend, with a progress dialog that can cancel it, and downloads the file when done.
 */
export function ExportButton({ request }: { request: In<'exports.start'> }) {
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string | null>(null);
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  // The job a still-open dialog is watching; cleared when it ends, so late poll answers are dropped.
  const activeJob = useRef<string | null>(null);

  function close() {
    activeJob.current = null;
    setJobId(null);
    setStatus(null);
    setError(null);
  }

  async function start() {
    setStarting(true);
    setError(null);
    try {
      const started = await callApi('exports.start', request);
      activeJob.current = started.jobId;
      setJobId(started.jobId);
    } catch (failure) {
      message.error((failure as Error).message);
    } finally {
      setStarting(false);
    }
  }

  useEffect(() => {
    if (!jobId) return;
    let timer: number | undefined;
    async function poll() {
      if (activeJob.current !== jobId || !jobId) return;
      try {
        const next = await callApi('jobs.status', { id: jobId });
        if (activeJob.current !== jobId) return;
        setStatus(next);
        if (next.state === 'running') {
          timer = window.setTimeout(poll, pollMs);
        } else if (next.state === 'done') {
          const file = await callApi('jobs.result', { id: jobId });
          if (activeJob.current !== jobId) return;
          saveFile(file.fileName, file.mimeType, file.dataBase64);
          message.success(`已导出：${file.fileName}`);
          close();
        } else if (next.state === 'failed') {
          activeJob.current = null;
          setError(next.message);
        } else {
          close();
        }
      } catch (failure) {
        if (activeJob.current !== jobId) return;
        activeJob.current = null;
        setError((failure as Error).message);
      }
    }
    void poll();
    return () => window.clearTimeout(timer);
    // `message` is stable for the life of the App; polling restarts only for a new job.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId]);

  // Leaving the page mid-export stops the work rather than leaving it running unseen.
  useEffect(
    () => () => {
      const running = activeJob.current;
      if (running) void callApi('jobs.cancel', { id: running }).catch(() => {});
    },
    [],
  );

  async function cancel() {
    const running = activeJob.current;
    close();
    if (!running) return;
    try {
      await callApi('jobs.cancel', { id: running });
      message.info('已取消导出');
    } catch {
      // The job had already ended (and been collected); nothing is left to stop.
    }
  }

  const percent = status && status.total > 0 ? Math.floor((status.done / status.total) * 100) : 0;
  return (
    <>
      <Button icon={<FileExcelOutlined />} loading={starting} onClick={start}>
        导出Excel
      </Button>
      <Modal
        title="导出Excel"
        open={jobId !== null}
        closable={false}
        maskClosable={false}
        keyboard={false}
        footer={
          error ? (
            <Button onClick={close}>关闭</Button>
          ) : (
            <Button onClick={cancel}>取消</Button>
          )
        }
      >
        {error ? (
          <Alert type="error" showIcon title="导出失败" description={error} />
        ) : (
          <>
            <Progress percent={percent} status="active" aria-label="导出进度" />
            <Typography.Text type="secondary">{status?.message ?? '正在准备…'}</Typography.Text>
          </>
        )}
      </Modal>
    </>
  );
}
