import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { FilingSheet } from '../../shared/api/ledgers';
import { describeMinutes, gradingOf, localDateTime, minutesOf } from '../../shared/domain/specialWork';
import { useApiQuery } from '../api/useApi';
import { filingSheetFileName, filingSheetRoute } from './printQuery';
import { printFontFamily, usePrintFailure, usePrintReady } from './printReady';
import { useShellPrint } from './shellPrint';
import './print.css';

/**
 * `/print/filing/:id`: one filing's 特殊作业报备审核表 on A4 portrait, as the office prints, signs and files it.
 * Same print protocol as the ledgers (`data-print-ready`), so Electron's hidden print window and the tests
 * render it the same way.
 */
export function FilingSheetView() {
  const { id } = useParams();
  const filingId = /^\d{1,12}$/.test(id ?? '') && Number(id) > 0 ? Number(id) : null;
  if (filingId === null) return <SheetFailure message={`「${id ?? ''}」不是有效的报备，请从报备详情页重新打印。`} />;
  return <FilingSheetPrint filingId={filingId} />;
}

function SheetFailure({ message }: { message: string }) {
  usePrintFailure(message);
  return (
    <div className="print-screen">
      <SheetToolbar />
      <Result status="error" title="无法生成报备审核表" subTitle={message} />
    </div>
  );
}

function FilingSheetPrint({ filingId }: { filingId: number }) {
  const { data, error, loading } = useApiQuery('ledgers.filingSheet', { id: filingId });
  const current = loading ? undefined : data;
  usePrintReady(current);

  if (error && !loading) return <SheetFailure message={error.message} />;
  if (!current) {
    return (
      <div className="print-screen">
        <SheetToolbar />
        <Spin size="large" tip="正在准备报备审核表…">
          <div style={{ height: 200 }} />
        </Spin>
      </div>
    );
  }
  return (
    <div className="print-screen">
      <SheetToolbar sheet={current} />
      <FilingSheetDocument sheet={current} />
    </div>
  );
}

function SheetToolbar({ sheet }: { sheet?: FilingSheet }) {
  const navigate = useNavigate();
  const location = useLocation();
  const shell = useShellPrint();

  function back() {
    // 'default' is the entry the window was opened on (a reload or a pasted link): no page of ours to go back to.
    if (location.key !== 'default') navigate(-1);
    else navigate(sheet ? `/filings/${sheet.filing.id}` : '/filings');
  }

  function print() {
    if (!window.api) window.print();
    else if (sheet) void shell.print({ route: filingSheetRoute(sheet.filing.id) });
  }

  function savePdf() {
    if (sheet) void shell.savePdf({ route: filingSheetRoute(sheet.filing.id), defaultFileName: filingSheetFileName(sheet) });
  }

  return (
    <div className="print-toolbar">
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          返回
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!sheet} loading={shell.busy === 'print'} onClick={print}>
          打印
        </Button>
        {window.api && (
          <Button icon={<FilePdfOutlined />} disabled={!sheet} loading={shell.busy === 'pdf'} onClick={savePdf}>
            保存为PDF
          </Button>
        )}
      </Space>
      {sheet && (
        <span className="print-toolbar-hint">
          报备编号 {sheet.filing.number} · A4 纵向{window.api ? '' : ' · 打印对话框中可选择“另存为 PDF”'}
        </span>
      )}
    </div>
  );
}

const tick = (on: boolean) => (on ? '☑' : '☐');
const orBlank = (value: string | null | undefined) => value || '';

/** 级别 with what it rests on: the managed grade when raised, the height or load it was computed from. */
function gradeText(sheet: FilingSheet): string {
  const { filing, managedGrade } = sheet;
  const grading = gradingOf(filing.kind);
  if (grading === 'none') return '不分级';
  const parts = [filing.grade ?? '未定级'];
  if (grading === 'height' && filing.heightM !== null) parts.push(`（作业高度 ${filing.heightM} m，${filing.heightClass ?? 'A'} 类）`);
  if (grading === 'load' && filing.loadT !== null) parts.push(`（吊物质量 ${filing.loadT} t）`);
  if (managedGrade && managedGrade !== filing.grade) parts.push(`，按${managedGrade}管理`);
  else if (managedGrade) parts.push('，严格按特级管理');
  return parts.join('');
}

function windowText(start: string, end: string): string {
  const minutes = minutesOf(end) - minutesOf(start);
  return `${start} 至 ${end}${minutes > 0 ? `（共 ${describeMinutes(minutes)}）` : ''}`;
}

/** A stored ISO moment as the office's local `YYYY-MM-DD HH:mm`. */
const localMoment = (iso: string) => localDateTime(new Date(iso));

/** A CSS string's content: no quotes or backslashes from data. */
const cssText = (text: string) => text.replace(/["\\\n]/g, '');

function pageRule(number: string): string {
  return `@page {
  size: A4 portrait;
  margin: 12mm 12mm 14mm 12mm;
  @bottom-center {
    content: "报备编号 ${cssText(number)}\u3000第 " counter(page) " 页 / 共 " counter(pages) " 页";
    font-family: ${printFontFamily};
    font-size: 8.5pt;
  }
}`;
}

function Row({ label, children, wide, className }: { label: string; children: ReactNode; wide?: boolean; className?: string }) {
  return (
    <tr className={className}>
      <th>{label}</th>
      <td colSpan={wide ? 3 : 1}>{children}</td>
    </tr>
  );
}

function Pair({ left, right }: { left: [string, ReactNode]; right: [string, ReactNode] }) {
  return (
    <tr>
      <th>{left[0]}</th>
      <td>{left[1]}</td>
      <th>{right[0]}</th>
      <td>{right[1]}</td>
    </tr>
  );
}

function Section({ children }: { children: ReactNode }) {
  return (
    <tr className="filing-sheet-section">
      <th colSpan={4}>{children}</th>
    </tr>
  );
}

/** The printed 报备审核表: facts, checklist, warnings, review and site check, history, signatures. */
export function FilingSheetDocument({ sheet }: { sheet: FilingSheet }) {
  const { filing } = sheet;
  const workers = filing.workers.map((worker) => (worker.certificateNo ? `${worker.name}（证书 ${worker.certificateNo}）` : worker.name)).join('、');
  const tanks = filing.tanks.map((tank) => `${tank.code}（${tank.status}）`).join('、');
  const passed = filing.siteCheckPassed;
  const closing = filing.closingReason ? `${filing.status === '撤销' ? '撤销原因' : '驳回理由'}：${filing.closingReason}` : null;
  const { preparer, reviewer, principal } = sheet.signatures;

  return (
    <div className="print-sheet print-portrait filing-sheet">
      <style>{pageRule(filing.number)}</style>
      <h1 className="print-title">{sheet.title}</h1>
      <div className="filing-sheet-meta">
        <span>
          报备编号：<strong>{filing.number}</strong>（{filing.status}）
        </span>
        <span>审核单位：{sheet.orgName}</span>
        <span>打印日期：{sheet.date}</span>
      </div>
      <table className="filing-sheet-table">
        <colgroup>
          <col style={{ width: '15%' }} />
          <col style={{ width: '35%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '35%' }} />
        </colgroup>
        <tbody>
          <Section>一、作业基本情况</Section>
          <Row label="报备企业" wide>
            {filing.enterpriseName}
          </Row>
          <Pair left={['行业领域', filing.industry]} right={['所在村/社区', filing.villageName]} />
          <Pair left={['作业类别', filing.kind]} right={['作业级别', gradeText(sheet)]} />
          <Row label="作业地点" wide>
            {filing.place}
          </Row>
          <Row label="作业内容" wide>
            {filing.content}
          </Row>
          <Row label="计划作业时间" wide>
            {windowText(filing.plannedStart, filing.plannedEnd)}
          </Row>
          <Pair left={['施工单位', orBlank(filing.contractor)]} right={['资质证书编号', orBlank(filing.contractorQualification)]} />
          <Pair left={['作业负责人', filing.leaderName]} right={['联系电话', orBlank(filing.leaderPhone)]} />
          <Pair left={['监护人', filing.guardianName]} right={['涉及储罐', tanks || '无']} />
          <Row label="作业人员" wide>
            {workers || '—'}
          </Row>
          <Row label="危害识别" wide className="filing-sheet-text">
            {orBlank(filing.riskIdentification)}
          </Row>
          <Row label="安全措施" wide className="filing-sheet-text">
            {orBlank(filing.measures)}
          </Row>

          <Section>{'二、报备材料（☑ 已提交\u3000☐ 未提交）'}</Section>
          <tr>
            <td colSpan={4} className="filing-sheet-checklist">
              {sheet.requiredDocuments.map((document) => (
                <span key={document.name} className="filing-sheet-check">
                  {tick(document.submitted)} {document.name}
                </span>
              ))}
              {sheet.extraDocuments.length > 0 && (
                <span className="filing-sheet-extra">
                  另附：
                  {sheet.extraDocuments.map((name) => (
                    <span key={name} className="filing-sheet-check">
                      ☑ {name}
                    </span>
                  ))}
                </span>
              )}
            </td>
          </tr>

          <Section>三、规则检查提醒</Section>
          <tr>
            <td colSpan={4} className="filing-sheet-warnings">
              {filing.warnings.length === 0 ? (
                '无'
              ) : (
                <>
                  <ol>
                    {filing.warnings.map((warning, index) => (
                      <li key={index}>{warning.message}</li>
                    ))}
                  </ol>
                  <div>继续报备的理由：{orBlank(filing.warningReason)}</div>
                </>
              )}
            </td>
          </tr>

          <Section>四、审核意见与现场核查</Section>
          <Pair left={['核查日期', orBlank(filing.siteCheckOn)]} right={['核查人员', orBlank(filing.siteCheckInspectors)]} />
          <Row label="核查结果" wide>
            <span className="filing-sheet-check">{tick(passed === true)} 合格</span>
            <span className="filing-sheet-check">{tick(passed === false)} 不合格</span>
          </Row>
          <Row label="审核意见" wide className="filing-sheet-opinion">
            {[filing.siteCheckRemark, closing].filter(Boolean).join('；')}
          </Row>
          <Pair
            left={['实际开始', orBlank(filing.actualStart)]}
            right={['实际完工', orBlank(filing.actualEnd)]}
          />
          <Row label="完工复查" wide>
            {orBlank(filing.completionRemark)}
          </Row>

          <Section>五、办理记录</Section>
          <tr>
            <td colSpan={4} className="filing-sheet-nested">
              <table className="filing-sheet-history">
                <colgroup>
                  <col style={{ width: '18%' }} />
                  <col style={{ width: '15%' }} />
                  <col style={{ width: '24%' }} />
                  <col style={{ width: '11%' }} />
                  <col style={{ width: '32%' }} />
                </colgroup>
                <thead>
                  <tr>
                    <th>时间</th>
                    <th>办理事项</th>
                    <th>状态</th>
                    <th>办理人</th>
                    <th>备注</th>
                  </tr>
                </thead>
                <tbody>
                  {sheet.history.map((step) => (
                    <tr key={step.id}>
                      <td>{localMoment(step.createdAt)}</td>
                      <td>{step.actionLabel}</td>
                      <td>{step.fromStatus ? `${step.fromStatus} → ${step.toStatus}` : step.toStatus}</td>
                      <td>{step.createdBy}</td>
                      <td>{orBlank(step.remark)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </td>
          </tr>
        </tbody>
      </table>

      <table className="filing-sheet-signatures">
        <tbody>
          <tr>
            <SignatureBox label="经办人" name={preparer} />
            <SignatureBox label="审核人" name={reviewer} />
            <SignatureBox label="负责人" name={principal} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function SignatureBox({ label, name }: { label: string; name: string | null }) {
  return (
    <td>
      <div className="filing-sheet-sign-label">
        {label}（签字）：<span className="filing-sheet-sign-name">{orBlank(name)}</span>
      </div>
      <div className="filing-sheet-sign-date">{'日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'}</div>
    </td>
  );
}
