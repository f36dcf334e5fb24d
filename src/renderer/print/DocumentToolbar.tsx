import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Space, Spin } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { usePrintFailure } from './printReady';
import { useShellPrint } from './shellPrint';

/** What a single document's toolbar prints: its route, the PDF's file name, the hint beside the buttons. */
export interface PrintableDocument {
  route: string;
  fileName: string;
  hint: string;
  /** A4 landscape (a map); portrait otherwise. */
  landscape?: boolean;
}

/**
 * 返回 / 打印 / 保存为PDF above a single document (A4 portrait, or landscape when it says so), as the 报备审核表 has them: Electron prints from a
 * hidden window, a browser calls window.print(). `fallback` is where 返回 goes when no page of ours is behind.
 */
export function DocumentToolbar({ document, fallback }: { document?: PrintableDocument; fallback: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const shell = useShellPrint();

  function back() {
    // 'default' is the entry the window was opened on (a reload or a pasted link): no page of ours to go back to.
    if (location.key !== 'default') navigate(-1);
    else navigate(fallback);
  }

  function print() {
    if (!window.api) window.print();
    else if (document) void shell.print({ route: document.route, landscape: document.landscape });
  }

  function savePdf() {
    if (document) void shell.savePdf({ route: document.route, landscape: document.landscape, defaultFileName: document.fileName });
  }

  return (
    <div className="print-toolbar">
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          返回
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!document} loading={shell.busy === 'print'} onClick={print}>
          打印
        </Button>
        {window.api && (
          <Button icon={<FilePdfOutlined />} disabled={!document} loading={shell.busy === 'pdf'} onClick={savePdf}>
            保存为PDF
          </Button>
        )}
      </Space>
      {document && (
        <span className="print-toolbar-hint">
          {document.hint} · A4 {document.landscape ? '横向' : '纵向'}{window.api ? '' : ' · 打印对话框中可选择“另存为 PDF”'}
        </span>
      )}
    </div>
  );
}

/** A document that cannot be printed, saying why (also to whoever waits for `data-print-ready`). */
export function DocumentFailure({ title, message, fallback }: { title: string; message: string; fallback: string }) {
  usePrintFailure(message);
  return (
    <div className="print-screen">
      <DocumentToolbar fallback={fallback} />
      <Result status="error" title={title} subTitle={message} />
    </div>
  );
}

export function DocumentLoading({ tip, fallback }: { tip: string; fallback: string }) {
  return (
    <div className="print-screen">
      <DocumentToolbar fallback={fallback} />
      <Spin size="large" tip={tip}>
        <div style={{ height: 200 }} />
      </Spin>
    </div>
  );
}

/** A route's `:id`, or null when it is not a record id. */
export function routeId(raw: string | undefined): number | null {
  return /^\d{1,12}$/.test(raw ?? '') && Number(raw) > 0 ? Number(raw) : null;
}

/** A CSS string's content: no quotes or backslashes from data. */
const cssText = (text: string) => text.replace(/["\\\n]/g, '');

/**
 * The @page rule of the documents: A4 portrait with the margins of a printed 执法文书 and, at the foot, the
 * document's number with 第 N 页 / 共 M 页 (a notice running over a page must show it is one document).
 */
export function documentPageRule(footer: string, fontFamily: string): string {
  return `@page {
  size: A4 portrait;
  margin: 22mm 22mm 20mm 25mm;
  @bottom-center {
    content: "${cssText(footer)}${footer ? '\u3000' : ''}第 " counter(page) " 页 / 共 " counter(pages) " 页";
    font-family: ${fontFamily};
    font-size: 9pt;
  }
}`;
}
