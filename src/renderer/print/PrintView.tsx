import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Space, Spin } from 'antd';
import { useMemo } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { LedgerData, LedgerRequest } from '../../shared/api/ledgers';
import { ledgerDefinitions, type LedgerId } from '../../shared/ledgers/definitions';
import { useApiQuery } from '../api/useApi';
import { useShellPrint } from './shellPrint';
import { isLedgerId, ledgerListPaths, readLedgerRequest } from './printQuery';
import { printFontFamily, usePrintFailure, usePrintReady } from './printReady';
import './print.css';

/** Share of the width given to 序号, in the same units as the columns' `width`. */
const indexWidth = 5;

/** `/print/:ledger?…`: a ledger as a paper document (DESIGN.md §4.6), rendered without the app shell. */
export function PrintView() {
  const { ledger } = useParams();
  const location = useLocation();
  const request = useMemo(
    () => (isLedgerId(ledger) ? readLedgerRequest(ledger, new URLSearchParams(location.search)) : null),
    [ledger, location.search],
  );
  if (!request) return <PrintFailure message={`没有名为「${ledger ?? ''}」的台账，请从打印中心重新选择。`} />;
  return <LedgerPrint request={request} />;
}

function PrintFailure({ message }: { message: string }) {
  usePrintFailure(message);
  return (
    <div className="print-screen">
      <PrintToolbar />
      <Result status="error" title="无法生成打印页面" subTitle={message} />
    </div>
  );
}

function LedgerPrint({ request }: { request: LedgerRequest }) {
  const query = useApiQuery('ledgers.data', request);
  const { data, error, loading } = query;
  const current = loading ? undefined : data;
  usePrintReady(current);

  if (error && !loading) return <PrintFailure message={error.message} />;
  if (!current) {
    return (
      <div className="print-screen">
        <PrintToolbar />
        <Spin size="large" tip="正在准备打印内容…">
          <div style={{ height: 200 }} />
        </Spin>
      </div>
    );
  }
  return (
    <div className="print-screen">
      <PrintToolbar ledger={request.ledger} data={current} />
      <LedgerDocument data={current} />
    </div>
  );
}

function PrintToolbar({ ledger, data }: { ledger?: LedgerId; data?: LedgerData }) {
  const navigate = useNavigate();
  const location = useLocation();
  const shell = useShellPrint();
  const route = location.pathname + location.search;
  const landscape = ledger ? ledgerDefinitions[ledger].orientation === 'landscape' : false;

  function back() {
    // 'default' is the entry the window was opened on (a reload or a pasted link): no page of ours to go back to.
    if (location.key !== 'default') navigate(-1);
    else navigate(ledger ? ledgerListPaths[ledger] : '/enterprises');
  }

  function print() {
    if (!window.api) window.print();
    else void shell.print({ route, landscape });
  }

  function savePdf() {
    if (data) void shell.savePdf({ route, landscape, defaultFileName: `${data.title}-${data.date}.pdf` });
  }

  return (
    <div className="print-toolbar">
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          返回
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!data} loading={shell.busy === 'print'} onClick={print}>
          打印
        </Button>
        {window.api && (
          <Button icon={<FilePdfOutlined />} disabled={!data} loading={shell.busy === 'pdf'} onClick={savePdf}>
            保存为PDF
          </Button>
        )}
      </Space>
      {data && (
        <span className="print-toolbar-hint">
          共 {data.rows.length} 条 · A4 {data.orientation === 'landscape' ? '横向' : '纵向'}
          {window.api ? '' : ' · 打印对话框中可选择“另存为 PDF”'}
        </span>
      )}
    </div>
  );
}

/** The printed ledger: heading, one table whose header repeats on every page, and the signature line. */
export function LedgerDocument({ data }: { data: LedgerData }) {
  const total = data.columns.reduce((sum, column) => sum + column.width, indexWidth);
  const percent = (width: number) => `${((width / total) * 100).toFixed(3)}%`;
  const { preparer, reviewer, principal } = data.signatures;

  return (
    <div className={`print-sheet print-${data.orientation}`}>
      {/* @page cannot follow React state, so the page size for this ledger is injected with the view. */}
      <style>{pageRule(data.orientation)}</style>
      <h1 className="print-title">{data.title}</h1>
      <div className="print-meta">
        <span>填报单位：{data.orgName}</span>
        <span>填报日期：{data.date}</span>
      </div>
      <div className="print-filter">
        <span>{data.filterSummary}</span>
        <span>共 {data.rows.length} 条</span>
      </div>
      <table className="print-table">
        <colgroup>
          <col style={{ width: percent(indexWidth) }} />
          {data.columns.map((column) => (
            <col key={column.key} style={{ width: percent(column.width) }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            {data.columns.map((column) => (
              <th key={column.key}>{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.length === 0 ? (
            <tr>
              <td className="print-empty" colSpan={data.columns.length + 1}>
                无符合条件的记录
              </td>
            </tr>
          ) : (
            data.rows.map((row, index) => (
              <tr key={index}>
                <td className="align-center">{index + 1}</td>
                {row.map((cell, column) => (
                  <td key={data.columns[column].key} className={`align-${data.columns[column].align}`}>
                    {cell ?? ''}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      <div className="print-signatures">
        <Signature label="填表人" name={preparer} />
        <Signature label="审核人" name={reviewer} />
        <Signature label="负责人" name={principal} />
      </div>
    </div>
  );
}

function Signature({ label, name }: { label: string; name: string | null }) {
  return (
    <span className="print-signature">
      {label}：<span className="print-signature-line">{name ?? ''}</span>
    </span>
  );
}

function pageRule(orientation: LedgerData['orientation']): string {
  return `@page {
  size: A4 ${orientation};
  margin: 12mm 10mm 16mm 10mm;
  @bottom-center {
    content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";
    font-family: ${printFontFamily};
    font-size: 9pt;
  }
}`;
}
