import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import type { OrderSheet } from '../../shared/api/ledgers';
import { useApiQuery } from '../api/useApi';
import { DocumentFailure, DocumentLoading, DocumentToolbar, documentPageRule, routeId } from './DocumentToolbar';
import { orderReviewRoute, orderSheetFileName, orderSheetRoute } from './printQuery';
import { printFontFamily, usePrintReady } from './printReady';
import './print.css';

/** Where 返回 goes when the document was opened on its own (a reload, a pasted link). */
const fallback = '/hazards';

/**
 * `/print/order/:id` 责令限期整改指令书 and `/print/order-review/:id` 整改复查意见书: one rectification order as the
 * office prints, signs, stamps and hands it to the unit (A4 portrait, the wording of the 安全生产执法文书).
 * Same print protocol as the ledgers (`data-print-ready`).
 */
export function OrderSheetView({ review = false }: { review?: boolean }) {
  const { id } = useParams();
  const orderId = routeId(id);
  const title = review ? '无法生成整改复查意见书' : '无法生成责令限期整改指令书';
  if (orderId === null) return <DocumentFailure title={title} message={`「${id ?? ''}」不是有效的指令书，请从指令书页面重新打印。`} fallback={fallback} />;
  return <OrderSheetPrint orderId={orderId} review={review} />;
}

function OrderSheetPrint({ orderId, review }: { orderId: number; review: boolean }) {
  const { data, error, loading } = useApiQuery('ledgers.orderSheet', { id: orderId });
  const current = loading ? undefined : data;
  // An order not yet reviewed has no 复查意见书: the page says so (and is not marked ready).
  const unreviewed = review && current !== undefined && current.reviewedOnText === null;
  usePrintReady(unreviewed ? undefined : current);
  const failureTitle = review ? '无法生成整改复查意见书' : '无法生成责令限期整改指令书';

  if (error && !loading) return <DocumentFailure title={failureTitle} message={error.message} fallback={fallback} />;
  if (!current) return <DocumentLoading tip={review ? '正在准备整改复查意见书…' : '正在准备指令书…'} fallback={fallback} />;
  if (unreviewed) {
    return (
      <DocumentFailure
        title={failureTitle}
        message={`指令书 ${current.order.number} 尚未复查，没有整改复查意见书可打印；请先在指令书页面登记复查意见。`}
        fallback={fallback}
      />
    );
  }
  const document = {
    route: review ? orderReviewRoute(orderId) : orderSheetRoute(orderId),
    fileName: orderSheetFileName(current, review),
    hint: review ? `整改复查意见书 ${current.order.reviewNumber ?? ''}` : `责令限期整改指令书 ${current.order.number}`,
  };
  return (
    <div className="print-screen">
      <DocumentToolbar document={document} fallback={fallback} />
      {review ? <ReviewSheetDocument sheet={current} /> : <OrderSheetDocument sheet={current} />}
    </div>
  );
}

/** A hazard's text as a sentence of the list: no trailing full stop of its own (the list adds one). */
const clause = (text: string) => text.trim().replace(/[。；;，,.、\s]+$/, '');

/** A blank to sign or fill in by hand. */
const blank = (width: string) => <span className="doc-blank" style={{ width }} />;

function DocumentHead({ sheet, name, number }: { sheet: OrderSheet; name: string; number: string }) {
  return (
    <>
      <style>{documentPageRule(number, printFontFamily)}</style>
      <div className="doc-authority">{sheet.orgName}</div>
      <h1 className="doc-title">{name}</h1>
      <div className="doc-number">{number}</div>
      <p className="doc-addressee">
        <span className="doc-filled">{sheet.order.targetName}</span>：
      </p>
    </>
  );
}

/** 执法机关（印章） and the date, at the right, with room above for the seal. */
function SealBlock({ orgName, date }: { orgName: string; date: string }) {
  return (
    <div className="doc-seal">
      <div>{orgName}（印章）</div>
      <div>{date}</div>
    </div>
  );
}

function OfficerLines({ officers }: { officers: string }) {
  return (
    <div className="doc-officers">
      <div>执法人员：{officers}</div>
      <div>
        执法人员（签名）：{blank('32mm')}
        {'\u3000'}
        {blank('32mm')}
      </div>
    </div>
  );
}

function Receipt({ label }: { label: string }) {
  return (
    <div className="doc-receipt">
      {label}：{blank('40mm')}
      <span className="doc-receipt-date">{'\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日'}</span>
    </div>
  );
}

function Paragraph({ children, className }: { children: ReactNode; className?: string }) {
  return <p className={`doc-para${className ? ` ${className}` : ''}`}>{children}</p>;
}

/** The printed 责令限期整改指令书. */
export function OrderSheetDocument({ sheet }: { sheet: OrderSheet }) {
  const { order } = sheet;
  return (
    <div className="print-sheet print-portrait doc-sheet">
      <DocumentHead sheet={sheet} name="责令限期整改指令书" number={order.number} />
      {/* 指令内容 (legal basis, demands) is printed above the hazard list, as the order form says. */}
      {order.content && <Paragraph className="doc-pre">{order.content.trim()}</Paragraph>}
      <Paragraph>经查，你单位存在下列问题：</Paragraph>
      <ol className={`doc-items${order.hazards.length >= 10 ? ' doc-items-wide' : ''}`}>
        {order.hazards.map((hazard) => (
          <li key={hazard.id}>
            {clause(hazard.place)}：{clause(hazard.description)}
            {hazard.basis ? `（依据：${clause(hazard.basis)}）` : ''}。
          </li>
        ))}
      </ol>
      <Paragraph>
        现责令你单位于<span className="doc-filled">{sheet.deadlineText}</span>前整改完毕，达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。
      </Paragraph>
      <div className="doc-sign-area">
        <OfficerLines officers={order.officers} />
        <SealBlock orgName={sheet.orgName} date={sheet.issuedOnText} />
      </div>
      <Receipt label="被检查单位负责人签收" />
      <div className="doc-copies">本文书一式两份：一份由执法机关存档，一份交被检查单位。</div>
    </div>
  );
}

/** What the review found of each hazard: closed, or still not rectified. */
function reviewResult(hazard: OrderSheet['order']['hazards'][number]): string {
  if (hazard.status === '已销号') return '已整改，已销号';
  if (hazard.status === '待复查') return '已整改，待复查';
  return hazard.overdue ? '未整改（已逾期）' : '未整改';
}

/** The printed 整改复查意见书 of a reviewed order. */
export function ReviewSheetDocument({ sheet }: { sheet: OrderSheet }) {
  const { order } = sheet;
  const number = order.reviewNumber ?? order.number;
  const closed = order.hazards.filter((hazard) => hazard.status === '已销号').length;
  // Whoever re-inspected the hazards signs the review; the order's officers when none is recorded.
  const reviewers = [...new Set(order.hazards.map((hazard) => hazard.reinspector).filter((name): name is string => !!name))];
  return (
    <div className="print-sheet print-portrait doc-sheet">
      <DocumentHead sheet={sheet} name="整改复查意见书" number={number} />
      <Paragraph>
        本机关于<span className="doc-filled">{sheet.issuedOnText}</span>作出了责令限期整改指令书（{order.number}），经对你单位整改情况进行复查，提出如下意见：
      </Paragraph>
      <Paragraph className="doc-pre">{(order.reviewOpinion ?? '').trim()}</Paragraph>
      <Paragraph>
        指令书所列隐患 {order.hazards.length} 项，已整改销号 {closed} 项，复查情况如下：
      </Paragraph>
      <table className="doc-table">
        <colgroup>
          <col style={{ width: '9%' }} />
          <col style={{ width: '20%' }} />
          <col style={{ width: '49%' }} />
          <col style={{ width: '22%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>隐患部位</th>
            <th>隐患描述</th>
            <th>复查结果</th>
          </tr>
        </thead>
        <tbody>
          {order.hazards.map((hazard, index) => (
            <tr key={hazard.id}>
              <td className="doc-center">{index + 1}</td>
              <td>{hazard.place}</td>
              <td>{hazard.description}</td>
              <td className="doc-center">{reviewResult(hazard)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="doc-sign-area">
        <OfficerLines officers={reviewers.length ? reviewers.join('、') : order.officers} />
        <SealBlock orgName={sheet.orgName} date={sheet.reviewedOnText ?? ''} />
      </div>
      <Receipt label="被复查单位负责人签收" />
      <div className="doc-copies">本文书一式两份：一份由执法机关存档，一份交被复查单位。</div>
    </div>
  );
}
