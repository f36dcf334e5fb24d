import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Result, Space, Spin, Steps, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  importEntityLabels,
  importNeverUpdates,
  maxImportBytes,
  type DuplicateMode,
  type ImportAnalysis,
  type ImportEntity,
  type ImportPreview,
} from '../../../shared/api/imports';
import type { JobResult, JobStatus } from '../../../shared/api/jobs';
import type { Datum } from '../../../shared/domain/geo/datum';
import { callApi } from '../../api/client';
import { fileToBase64, formatFileSize, saveFile } from '../files';
import { JobProgress } from '../JobProgress';
import { useJob } from '../useJob';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import './imports.css';

const maxMegabytes = maxImportBytes / 1024 / 1024;

/** What the duplicate rule compares, per entity (shown above its choice in the preview). */
const duplicatesLabels: Record<ImportEntity, string> = {
  enterprises: '已存在的企业（按统一社会信用代码）',
  tanks: '已登记的储罐（按所属单位和罐号）',
  idleSites: '已登记的场所（按所属村/社区和场所名称）',
  filings: '已登记的报备（按报备编号；无编号时按企业、类别、时间和地点）',
  plans: '已登记的预案（按所属单位和预案名称）',
  drills: '已登记的演练（按所属单位、演练日期和演练名称）',
  hazards: '已登记的隐患（按单位、发现日期和隐患描述）',
};

type Step = 0 | 1 | 2 | 3;

/** Tells the backend to forget the file held under `ref` (which is cleared, so it is told once). */
function releaseImport(ref: { current: string | null }): void {
  const id = ref.current;
  ref.current = null;
  // Best effort: an import left behind is dropped by the backend after 30 idle minutes anyway.
  if (id) void callApi('imports.close', { importId: id }).catch(() => {});
}

/** How the import job ended, once it has. */
type Ending =
  | { kind: 'done'; message: string; report: JobResult | null; reportError: string | null }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

interface ImportWizardProps {
  entity: ImportEntity;
  /** Called once the dialog has closed (after its closing animation): the parent unmounts it. */
  onClose: () => void;
  /** Called on closing when anything may have been written, so the list behind refreshes. */
  onImported: () => void;
}

/**
 * 导入Excel: a four-step dialog over the backend's import (DESIGN.md §4.10). The file is read in the backend,
 * the user checks how its columns map to fields, sees every problem before anything is written, and
 * imports as a cancellable job whose report (the file's rows plus 导入结果) can be downloaded.
 * Mount it to open it; it asks before throwing away work, and leaves nothing behind in the backend.
 */
export function ImportWizard({ entity, onClose, onImported }: ImportWizardProps) {
  const { message, modal } = App.useApp();
  const label = importEntityLabels[entity];
  const [open, setOpen] = useState(true);
  const [step, setStep] = useState<Step>(0);
  // Counts arrivals at a step (going back and on again is a new arrival), for where the focus goes.
  const [arrival, setArrival] = useState(0);
  function goTo(next: Step) {
    setStep(next);
    setArrival((count) => count + 1);
  }

  // Step 1: the file, sent to the backend and read there as a job.
  const [fileName, setFileName] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  // The backend's id for the file (only handlers and the unmount cleanup need it, so not state).
  const importIdRef = useRef<string | null>(null);
  // Each pick gets a number; a slower, earlier pick that answers late is ignored.
  const pickSeq = useRef(0);
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const reading = useJob({
    async onDone(_status, isCurrent) {
      const id = importIdRef.current;
      if (!id) return;
      const found = await callApi('imports.analysis', { importId: id });
      if (!isCurrent()) return;
      setAnalysis(found);
      setMapping(found.mapping);
      setPreview(null);
      goTo(1);
    },
  });

  // Step 2 and 3: the mapping (above), and what importing with it would do.
  const [duplicates, setDuplicates] = useState<DuplicateMode>('skip');
  const [datum, setDatum] = useState<Datum>('WGS84');
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const previewSeq = useRef(0);

  // Step 4: the import job.
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [ending, setEnding] = useState<Ending | null>(null);
  // Set once an import has ended in a way that may have written rows; closing then refreshes the list.
  const wrote = useRef(false);
  const importing = useJob({ onDone: (status, isCurrent) => finishImport(status, isCurrent) });
  const importFailure = importing.error ?? (ending?.kind === 'failed' ? ending.message : null);

  // Each step starts on its main button once it can be pressed, so Enter goes on (Tab reaches the rest). Only
  // once per step, and never on 开始导入: a second Enter pressed on 下一步 must not start writing.
  const primaryRef = useRef<HTMLButtonElement>(null);
  const focusedFor = useRef<string | null>(null);
  const focusKey = `${arrival}-${ending?.kind ?? ''}`;
  useEffect(() => {
    const button = primaryRef.current;
    if (!button || button.disabled || focusedFor.current === focusKey) return;
    focusedFor.current = focusKey;
    button.focus();
  });

  // The backend keeps the file in memory until told to forget it; leaving by any way tells it.
  useEffect(() => () => releaseImport(importIdRef), []);

  async function pickFile(file: File) {
    const seq = ++pickSeq.current;
    setFileError(null);
    setFileName(file.name);
    // A new file replaces the one before, whether it was still being read or already mapped.
    void reading.cancel();
    reading.reset();
    releaseImport(importIdRef);
    setAnalysis(null);
    setPreview(null);
    // Checked here so a too-large file fails at once instead of after encoding and sending it; the backend checks again.
    if (file.size > maxImportBytes) {
      setSending(false);
      setFileError(`「${file.name}」大小为 ${formatFileSize(file.size)}，超过导入文件 ${maxMegabytes} MB 的上限。请把表格拆成几个文件分批导入。`);
      return;
    }
    setSending(true);
    try {
      const dataBase64 = await fileToBase64(file);
      if (seq !== pickSeq.current) return;
      const opened = await callApi('imports.open', { entity, fileName: file.name, dataBase64 });
      if (seq !== pickSeq.current) {
        releaseImport({ current: opened.importId });
        return;
      }
      importIdRef.current = opened.importId;
      reading.watch(opened.jobId);
    } catch (failure) {
      if (seq === pickSeq.current) setFileError((failure as Error).message);
    } finally {
      if (seq === pickSeq.current) setSending(false);
    }
  }

  function changeMapping(index: number, key: string | null) {
    if (!analysis) return;
    const next = [...mapping];
    // A field fills one column: choosing it here takes it from the column that had it.
    const previous = key === null ? -1 : next.findIndex((other, at) => other === key && at !== index);
    if (previous >= 0) {
      next[previous] = null;
      const fieldLabel = analysis.fields.find((field) => field.key === key)?.label ?? key;
      message.info(`「${fieldLabel}」改为对应「${analysis.columns[index].header}」列，「${analysis.columns[previous].header}」列改为不导入`);
    }
    next[index] = key;
    setMapping(next);
  }

  async function runPreview(mode: DuplicateMode = duplicates, coordinateSystem: Datum = datum) {
    const id = importIdRef.current;
    if (!id) return;
    const seq = ++previewSeq.current;
    setPreviewing(true);
    setPreviewError(null);
    try {
      const checked = await callApi('imports.preview', { importId: id, mapping, duplicates: mode, coordinateSystem });
      if (seq === previewSeq.current) setPreview(checked);
    } catch (failure) {
      if (seq === previewSeq.current) {
        setPreview(null);
        setPreviewError((failure as Error).message);
      }
    } finally {
      if (seq === previewSeq.current) setPreviewing(false);
    }
  }

  function changeDuplicates(mode: DuplicateMode) {
    setDuplicates(mode);
    void runPreview(mode);
  }

  function changeDatum(coordinateSystem: Datum) {
    setDatum(coordinateSystem);
    void runPreview(duplicates, coordinateSystem);
  }

  function toPreview() {
    setPreview(null);
    goTo(2);
    void runPreview();
  }

  async function startImport() {
    const id = importIdRef.current;
    if (!id) return;
    setStarting(true);
    try {
      const started = await callApi('imports.start', { importId: id, mapping, duplicates, coordinateSystem: datum });
      setEnding(null);
      importing.watch(started.jobId);
      goTo(3);
    } catch (failure) {
      message.error((failure as Error).message);
    } finally {
      setStarting(false);
    }
  }

  /** The import is done: its message says what it did; the report is fetched now, as a job's result is kept only a while. */
  async function finishImport(status: JobStatus, isCurrent: () => boolean = () => true) {
    wrote.current = true;
    let report: JobResult | null = null;
    let reportError: string | null = null;
    if (status.resultReady) {
      try {
        report = await callApi('jobs.result', { id: status.id });
      } catch (failure) {
        reportError = (failure as Error).message;
      }
    }
    if (isCurrent()) setEnding({ kind: 'done', message: status.message, report, reportError });
  }

  /** Stops the import; one already writing finishes (it cannot be undone half-way) and is reported as done. */
  async function cancelImport(): Promise<void> {
    setCancelling(true);
    const final = await importing.cancel();
    setCancelling(false);
    if (final?.state === 'done') await finishImport(final);
    else if (final?.state === 'failed') setEnding({ kind: 'failed', message: final.message });
    // Cancelled; or no status at all: the job had already ended and been collected, and how it ended is shown.
    else setEnding((current) => current ?? { kind: 'cancelled' });
  }

  function backToPreview() {
    importing.reset();
    setEnding(null);
    toPreview();
  }

  function close() {
    setOpen(false);
    if (wrote.current) onImported();
  }

  function requestClose() {
    const nothingToLose = step === 0 && !analysis && !sending;
    if (nothingToLose || ending?.kind === 'done') {
      close();
      return;
    }
    const running = step === 3 && !ending && !importFailure;
    modal.confirm({
      title: running ? '取消导入并关闭？' : '放弃本次导入？',
      content: running ? '正在导入。取消后不会写入任何数据（已开始写入的会完成写入）。' : `尚未导入任何${label}，关闭后需重新选择文件。`,
      okText: running ? '取消导入' : '放弃导入',
      okButtonProps: { danger: true },
      cancelText: '继续导入',
      onOk: async () => {
        if (running) await cancelImport();
        close();
      },
    });
  }

  const readingFile = sending || (reading.jobId !== null && !reading.error && !analysis);
  const readError = fileError ?? reading.error;
  const canStart = !!preview && preview.mappingProblems.length === 0 && preview.total > 0 && !previewing;

  const footer = (() => {
    const cancel = (
      <Button key="cancel" onClick={requestClose}>
        取消
      </Button>
    );
    switch (step) {
      case 0:
        return [
          cancel,
          <Button key="next" type="primary" ref={primaryRef} disabled={!analysis || readingFile} onClick={() => goTo(1)}>
            下一步
          </Button>,
        ];
      case 1:
        return [
          cancel,
          <Button key="back" onClick={() => goTo(0)}>
            上一步
          </Button>,
          <Button key="next" type="primary" ref={primaryRef} onClick={toPreview}>
            下一步
          </Button>,
        ];
      case 2:
        return [
          cancel,
          <Button key="back" onClick={() => goTo(1)}>
            上一步
          </Button>,
          <Button key="start" type="primary" disabled={!canStart} loading={starting} onClick={startImport}>
            开始导入
          </Button>,
        ];
      default:
        if (ending?.kind === 'done') {
          return (
            <Button type="primary" ref={primaryRef} onClick={close}>
              完成
            </Button>
          );
        }
        if (ending || importFailure) {
          return [
            <Button key="close" onClick={requestClose}>
              关闭
            </Button>,
            <Button key="back" type="primary" ref={primaryRef} onClick={backToPreview}>
              返回预览
            </Button>,
          ];
        }
        return (
          <Button onClick={cancelImport} loading={cancelling}>
            取消导入
          </Button>
        );
    }
  })();

  return (
    <Modal
      title={`导入Excel · ${label}`}
      open={open}
      width={1000}
      onCancel={requestClose}
      afterClose={onClose}
      mask={{ closable: false }}
      footer={footer}
      // Higher than antd's default, so the mapping table gets more of a small screen.
      style={{ top: 40 }}
      styles={{ body: { minHeight: 440 } }}
    >
      <Steps
        className="import-steps"
        current={step}
        status={step === 3 && (importFailure || ending?.kind === 'cancelled') ? 'error' : undefined}
        items={[{ title: '选择文件' }, { title: '核对列' }, { title: '预览校验' }, { title: '导入' }]}
      />
      {step === 0 && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={sending}
            beforeUpload={(file) => {
              void pickFile(file);
              // The file goes through the API above; antd must not try its own HTTP upload.
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击选择文件，或将文件拖到此处</p>
            <p className="ant-upload-hint">
              支持 Excel（.xlsx）和 CSV 文件，不超过 {maxMegabytes} MB。表格上方的标题行可以保留，程序会自动找到表头；旧版 .xls
              文件请先在 Excel 或 WPS 中另存为 .xlsx。
            </p>
          </Upload.Dragger>
          {readingFile && (
            <Spin>
              <Alert type="info" title={reading.status?.message ?? `正在读取「${fileName}」…`} />
            </Spin>
          )}
          {readError && !readingFile && (
            <Alert type="error" showIcon title={`无法导入「${fileName}」`} description={<>{readError}<br />请改正后重新选择文件。</>} />
          )}
          {analysis && !readingFile && !readError && (
            <Alert
              type="success"
              showIcon
              title={`已读取「${analysis.fileName}」：共 ${analysis.dataRowCount} 行数据`}
              description="点“下一步”核对列，或重新选择文件。"
            />
          )}
        </Space>
      )}
      {step === 1 && analysis && <MappingStep analysis={analysis} mapping={mapping} onChange={changeMapping} />}
      {step === 2 && (
        <PreviewStep
          preview={preview}
          loading={previewing}
          error={previewError}
          duplicates={duplicates}
          duplicatesLabel={duplicatesLabels[entity]}
          duplicatesFixed={importNeverUpdates[entity]}
          onDuplicatesChange={changeDuplicates}
          datum={mapping.includes('longitude') ? datum : undefined}
          onDatumChange={changeDatum}
        />
      )}
      {step === 3 && (
        <ImportOutcome
          status={importing.status}
          ending={ending}
          failure={importFailure}
          cancelling={cancelling}
        />
      )}
    </Modal>
  );
}

/** Step 4: the running import's progress, then how it ended (with the report to download when it is done). */
function ImportOutcome(props: { status: JobStatus | null; ending: Ending | null; failure: string | null; cancelling: boolean }) {
  const { status, ending, failure, cancelling } = props;
  if (failure) return <Result status="error" title="导入失败" subTitle={failure} />;
  if (ending?.kind === 'cancelled') {
    return <Result status="warning" title="已取消导入" subTitle="没有写入任何数据。可返回预览后重新导入。" />;
  }
  if (ending?.kind === 'done') {
    const { report } = ending;
    return (
      <Result
        status="success"
        // The backend's outcome says it all in numbers (导入完成：新增 3 条，…).
        title={ending.message}
        extra={
          report ? (
            <Space orientation="vertical" size={8}>
              <Button icon={<DownloadOutlined />} onClick={() => saveFile(report.fileName, report.mimeType, report.dataBase64)}>
                下载导入报告
              </Button>
              <Typography.Text type="secondary">报告列出文件中的每一行及其导入结果；未导入的行标红并写明原因，可在报告中改正后再次导入。</Typography.Text>
            </Space>
          ) : (
            ending.reportError && <Alert type="warning" showIcon title="导入报告无法下载" description={ending.reportError} />
          )
        }
      />
    );
  }
  return (
    <div className="import-running">
      <JobProgress status={cancelling ? (status && { ...status, message: '正在取消…' }) : status} label="导入进度" />
    </div>
  );
}
