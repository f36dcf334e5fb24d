import { FileWordOutlined, PrinterOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Space, Spin, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Report, ReportRequest } from '../../../shared/api/report';
import { reportRequestSchema } from '../../../shared/api/report';
import { callApi } from '../../api/client';
import { saveFile } from '../../components/files';
import { applyFieldErrors } from '../../components/formErrors';
import { MonthlyChart, type ChartPictureSource } from './MonthlyChart';
import { formValuesOf, initialFormValues, ReportControls, requestOf, type ReportFormValues } from './ReportControls';
import { ReportSectionView } from './ReportSection';
import {
  comparisonColumns,
  comparisonRows,
  effectiveTitle,
  hasEdits,
  lastReportRequestStorageKey,
  loadEdits,
  noEdits,
  reportDraftStorageKey,
  requestKey,
  saveEdits,
  segmentsText,
  subtitleLines,
  toReportDocument,
  type ReportEdits,
} from './reportDocument';
import './report.css';

const docxMimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The request generated last (this page, any earlier visit), so coming back from a linked list shows it again. */
function lastRequest(): ReportRequest | null {
  try {
    const parsed = reportRequestSchema.safeParse(JSON.parse(localStorage.getItem(lastReportRequestStorageKey) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

interface Generated {
  request: ReportRequest;
  key: string;
  report: Report;
}

/**
 * 工作汇报: the statistical paragraphs of a period written from the ledgers, each number a link to the records
 * behind it, with the previous period and the same period last year beside them. The text can be rewritten per
 * section (the edits are kept by request in localStorage, so they survive a visit to a linked list), then
 * exported as Word or printed.
 */
export function ReportPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportFormValues>();
  const [initialRequest] = useState(lastRequest);
  const [generated, setGenerated] = useState<Generated | null>(null);
  const [edits, setEdits] = useState<ReportEdits>(noEdits);
  // Coming back with a report generated before, the page is busy with it from the first render.
  const [busy, setBusy] = useState<'generate' | 'docx' | null>(initialRequest ? 'generate' : null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  /**
   * Asks for the report and shows it (with the edits saved for the same request), or the error under its
   * field; the answer to a request superseded by a newer one is dropped.
   */
  const load = useCallback(
    (request: ReportRequest) => {
      const ticket = (generation.current += 1);
      const current = () => ticket === generation.current;
      return callApi('report.generate', request).then(
        (report) => {
          if (!current()) return;
          const key = requestKey(request);
          setGenerated({ request, key, report });
          setEdits(loadEdits(localStorage, key));
          setError(null);
          setBusy(null);
          localStorage.setItem(lastReportRequestStorageKey, JSON.stringify(request));
        },
        (caught: unknown) => {
          if (!current()) return;
          setError(applyFieldErrors(form, caught));
          setBusy(null);
        },
      );
    },
    [form],
  );

  function generate(request: ReportRequest) {
    setBusy('generate');
    setError(null);
    void load(request);
  }

  // Back on the page (from a linked list, another module): the last report again, with its edits.
  useEffect(() => {
    if (initialRequest) void load(initialRequest);
  }, [initialRequest, load]);

  const updateEdits = useCallback(
    (next: (current: ReportEdits) => ReportEdits) => {
      setEdits((current) => {
        const updated = next(current);
        if (generated) saveEdits(localStorage, generated.key, updated);
        return updated;
      });
    },
    [generated],
  );

  const monthlyPicture: ChartPictureSource = useRef(null);

  /** The document as it stands, with the monthly chart as drawn now (in the 隐患排查治理 section, under its table). */
  function currentDocument() {
    if (!generated) return null;
    const picture = monthlyPicture.current?.();
    return toReportDocument(generated.report, edits, picture ? { hazards: [picture] } : {});
  }

  async function exportDocx() {
    const document = currentDocument();
    if (!document) return;
    setBusy('docx');
    try {
      const file = await callApi('report.exportDocx', { document });
      saveFile(file.fileName, docxMimeType, file.dataBase64);
      message.success(`已导出 ${file.fileName}`);
    } catch (caught) {
      message.error((caught as Error).message);
    } finally {
      setBusy(null);
    }
  }

  function print() {
    const document = currentDocument();
    if (!document) return;
    try {
      localStorage.setItem(reportDraftStorageKey, JSON.stringify(document));
    } catch {
      message.error('无法保存打印稿，请清理浏览器存储后重试。');
      return;
    }
    navigate('/print/report');
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} className="report-page">
      <Card size="small">
        <ReportControls
          form={form}
          busy={busy === 'generate'}
          onGenerate={(values) => generate(requestOf(values))}
          initialValues={initialRequest ? formValuesOf(initialRequest) : initialFormValues()}
        />
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {!generated && busy === 'generate' && (
        <Spin tip="正在生成汇报…">
          <div style={{ height: 200 }} />
        </Spin>
      )}
      {!generated && busy !== 'generate' && (
        <Card>
          <Empty description="选择统计期间和范围，点击“生成汇报”。数字均取自台账，可点击查看对应记录。" />
        </Card>
      )}
      {generated && (
        <Spin spinning={busy === 'generate'} tip="正在生成汇报…">
          <ReportResult
            generated={generated}
            edits={edits}
            onEdits={updateEdits}
            busy={busy}
            onExportDocx={() => void exportDocx()}
            onPrint={print}
            monthlyPicture={monthlyPicture}
          />
        </Spin>
      )}
    </Space>
  );
}

function ReportResult({
  generated,
  edits,
  onEdits,
  busy,
  onExportDocx,
  onPrint,
  monthlyPicture,
}: {
  monthlyPicture: ChartPictureSource;
  generated: Generated;
  edits: ReportEdits;
  onEdits: (next: (current: ReportEdits) => ReportEdits) => void;
  busy: 'generate' | 'docx' | null;
  onExportDocx: () => void;
  onPrint: () => void;
}) {
  const { report } = generated;
  const comparison = useMemo(() => comparisonRows(report.figures), [report.figures]);
  const titleEmpty = edits.title !== undefined && !edits.title.trim();

  function editSection(key: string, text: string | undefined) {
    onEdits((current) => {
      const paragraphs = { ...current.paragraphs };
      if (text === undefined) delete paragraphs[key];
      else paragraphs[key] = text;
      return { ...current, paragraphs };
    });
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        className="report-card"
        title="汇报正文"
        extra={
          <Space wrap>
            {hasEdits(edits) && (
              <Button icon={<UndoOutlined />} onClick={() => onEdits(() => ({ paragraphs: {} }))}>
                全部恢复自动生成
              </Button>
            )}
            <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={onExportDocx}>
              导出Word
            </Button>
            <Button type="primary" icon={<PrinterOutlined />} onClick={onPrint}>
              打印
            </Button>
          </Space>
        }
      >
        <div className="report-body">
          <Input
            aria-label="标题"
            className="report-title-input"
            variant="borderless"
            value={edits.title ?? report.title}
            maxLength={100}
            status={titleEmpty ? 'warning' : undefined}
            placeholder={report.title}
            onChange={(event) => {
              const title = event.target.value;
              onEdits((current) => ({ ...current, title: title === report.title ? undefined : title }));
            }}
          />
          {titleEmpty && <Typography.Text type="warning">标题为空时，导出和打印使用“{effectiveTitle(report, edits)}”。</Typography.Text>}
          <div className="report-subtitle">
            {subtitleLines(report).map((line) => (
              <div key={line}>{line}</div>
            ))}
          </div>
          {report.sections.map((section) => (
            <ReportSectionView
              key={`${generated.key}:${section.key}`}
              section={section}
              figures={report.figures}
              edited={edits.paragraphs[section.key]}
              generatedText={segmentsText(section.segments, report.figures)}
              onEdit={(text) => editSection(section.key, text)}
            />
          ))}
          {report.sections.length === 0 && <Empty description="本期没有可汇报的内容" />}
        </div>
      </Card>
      <Card size="small" title={`主要指标对比（上期：${report.previous.label}；去年同期：${report.lastYear.label}）`}>
        <Table
          size="small"
          bordered
          className="report-comparison"
          pagination={false}
          rowKey={(row) => row[0]}
          dataSource={comparison}
          columns={comparisonColumns.map((title, index) => ({
            key: title,
            title,
            align: index === 0 ? 'left' : 'right',
            render: (_: unknown, row: string[]) => row[index],
          }))}
        />
        <Typography.Text type="secondary" className="report-note">
          变化、同比为本期与上期、去年同期之差及增减百分比；基数为 0 或无数据时百分比记为“—”；整改率的变化以百分点计。
        </Typography.Text>
      </Card>
      <MonthlyChart report={report} pictureRef={monthlyPicture} />
    </Space>
  );
}
