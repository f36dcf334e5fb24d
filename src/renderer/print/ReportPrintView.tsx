import { useState } from 'react';
import { reportDocumentSchema, type ReportDocument, type ReportTable } from '../../shared/api/report';
import { columnShares, isNumericCell, reportDraftStorageKey } from '../pages/report/reportDocument';
import { DocumentFailure, DocumentToolbar, documentPageRule } from './DocumentToolbar';
import { printFontFamily, usePrintReady } from './printReady';
import '../pages/report/report.css';
import './print.css';

/** Where 返回 goes when the document was opened on its own (a reload, a pasted link). */
const fallback = '/report';
export const reportPrintRoute = '/print/report';

/**
 * The draft the report page saved for printing. localStorage, not sessionStorage: Electron prints from a hidden
 * window of the same origin, which shares the one but not the other.
 */
function readDraft(): ReportDocument | null {
  try {
    const parsed = reportDocumentSchema.safeParse(JSON.parse(localStorage.getItem(reportDraftStorageKey) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `/print/report`: the 工作汇报 as edited on the report page, on A4 portrait like the Word export. */
export function ReportPrintView() {
  const [draft] = useState(readDraft);
  if (!draft) return <DocumentFailure title="无法打印工作汇报" message="没有可打印的工作汇报，请先在工作汇报页面生成。" fallback={fallback} />;
  return <ReportPrint report={draft} />;
}

function ReportPrint({ report }: { report: ReportDocument }) {
  usePrintReady(report);
  const document = { route: reportPrintRoute, fileName: `${report.title.replace(/[\\/:*?"<>|]/g, '')}.pdf`, hint: report.title };
  return (
    <div className="print-screen">
      <DocumentToolbar document={document} fallback={fallback} />
      <ReportDocumentSheet report={report} />
    </div>
  );
}

function DocumentTable({ table }: { table: ReportTable }) {
  return (
    <>
      {table.title && <div className="report-doc-table-title">{table.title}</div>}
      <table className="doc-table">
        <colgroup>
          {columnShares(table).map((share, index) => (
            <col key={index} style={{ width: `${share}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={index}>{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {table.columns.map((_, index) => {
                const value = row[index] ?? '';
                return (
                  <td key={index} className={value !== '' && isNumericCell(value) ? 'report-doc-number' : undefined}>
                    {value}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The printed report: title, the lines under it, each section's heading, paragraphs, tables and charts. */
export function ReportDocumentSheet({ report }: { report: ReportDocument }) {
  return (
    <div className="print-sheet print-portrait doc-sheet report-doc">
      <style>{documentPageRule('', printFontFamily)}</style>
      <h1 className="doc-title">{report.title}</h1>
      <div className="report-doc-subtitle">
        {report.subtitle.map((line, index) => (
          <div key={index}>{line}</div>
        ))}
      </div>
      {report.sections.map((section, index) => (
        <section key={index}>
          {section.title && <h2 className="report-doc-heading">{section.title}</h2>}
          {section.paragraphs.map((paragraph, paragraphIndex) => (
            <p key={paragraphIndex} className="doc-para">
              {paragraph}
            </p>
          ))}
          {section.tables.map((table, tableIndex) => (
            <DocumentTable key={tableIndex} table={table} />
          ))}
          {section.charts.map((chart, chartIndex) => (
            <figure key={chartIndex} className="report-doc-chart">
              <img src={`data:image/png;base64,${chart.pngBase64}`} alt={chart.title} />
              <figcaption>图：{chart.title}</figcaption>
            </figure>
          ))}
        </section>
      ))}
    </div>
  );
}
