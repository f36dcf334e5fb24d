import { useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import type { MajorHazardNotice } from '../../shared/api/ledgers';
import { positiveInt } from '../components/listQuery';
import { useApiQuery } from '../api/useApi';
import { DocumentFailure, DocumentLoading, DocumentToolbar, documentPageRule } from './DocumentToolbar';
import { majorHazardNoticeFileName, majorHazardNoticeRoute } from './printQuery';
import { printFontFamily, usePrintReady } from './printReady';
import './print.css';

const fallback = '/hazards?level=重大';

/**
 * `/print/major-hazard-notice[?villageId=]`: the 重大隐患通报 (一单四制's 通报制) — every 重大 hazard not yet closed
 * as of today, the most overdue first, on A4 portrait.
 */
export function MajorHazardNoticeView() {
  const location = useLocation();
  const villageId = useMemo(() => positiveInt(new URLSearchParams(location.search).get('villageId')), [location.search]);
  const { data, error, loading } = useApiQuery('ledgers.majorHazardNotice', { villageId });
  const current = loading ? undefined : data;
  usePrintReady(current);

  if (error && !loading) return <DocumentFailure title="无法生成重大隐患通报" message={error.message} fallback={fallback} />;
  if (!current) return <DocumentLoading tip="正在准备重大隐患通报…" fallback={fallback} />;
  const document = {
    route: majorHazardNoticeRoute(villageId),
    fileName: majorHazardNoticeFileName(current),
    hint: `未销号重大隐患 ${current.counts.open} 条`,
  };
  return (
    <div className="print-screen">
      <DocumentToolbar document={document} fallback={fallback} />
      <MajorHazardNoticeDocument notice={current} />
    </div>
  );
}

/** The opening sentence: how many are open, overdue, not listed, and closed this year. */
function leadSentence(notice: MajorHazardNotice): string {
  const { counts } = notice;
  const scope = notice.villageName ?? (notice.townName.endsWith('街道') ? '全街道' : `全${notice.townName.slice(-1) || '镇'}`);
  const asOf = notice.date;
  const closed = counts.closedThisYear ? `；本年已整改销号 ${counts.closedThisYear} 条` : '';
  if (counts.open === 0) return `截至${asOf}，${scope}无未销号的重大事故隐患${closed}。`;
  const parts = [`其中逾期未整改 ${counts.overdue} 条`];
  if (counts.unlisted) parts.push(`尚未挂牌督办 ${counts.unlisted} 条`);
  return `截至${asOf}，${scope}共有未销号重大事故隐患 ${counts.open} 条，${parts.join('，')}${closed}。现将有关情况通报如下：`;
}

/** The printed 通报. */
export function MajorHazardNoticeDocument({ notice }: { notice: MajorHazardNotice }) {
  const addressee = notice.villageName ? `${notice.villageName}、各有关单位` : '各村（社区）、各有关单位';
  return (
    <div className="print-sheet print-portrait doc-sheet">
      <style>{documentPageRule('', printFontFamily)}</style>
      <div className="doc-authority">{notice.orgName}</div>
      <h1 className="doc-title">重大事故隐患情况通报</h1>
      <div className="doc-number doc-number-center">（截至{notice.date}）</div>
      <p className="doc-addressee">{addressee}：</p>
      <p className="doc-para">{leadSentence(notice)}</p>
      {notice.hazards.length > 0 && (
        <table className="doc-table doc-table-small">
          <colgroup>
            {/* Each header on one line at 10pt: 挂牌督办单位 needs 15%, 交办单位 and 逾期天数 11%, a date 13%. */}
            <col style={{ width: '7%' }} />
            <col style={{ width: '17%' }} />
            <col style={{ width: '26%' }} />
            <col style={{ width: '15%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '13%' }} />
            <col style={{ width: '11%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>序号</th>
              <th>隐患单位</th>
              <th>隐患描述</th>
              <th>挂牌督办单位</th>
              <th>交办单位</th>
              <th>整改期限</th>
              <th>逾期天数</th>
            </tr>
          </thead>
          <tbody>
            {notice.hazards.map((hazard, index) => (
              <tr key={hazard.id}>
                <td className="doc-center">{index + 1}</td>
                <td>
                  {hazard.targetName}
                  <div className="doc-sub">{hazard.villageName}</div>
                </td>
                <td>
                  {hazard.place}：{hazard.description}
                  <div className="doc-sub">
                    {`${hazard.number}\u3000${hazard.status}`}
                  </div>
                </td>
                <td>
                  {hazard.listedAuthority ?? '未挂牌'}
                  {hazard.listedDocNo && <div className="doc-sub">{hazard.listedDocNo}</div>}
                </td>
                <td>{hazard.assignedUnit ?? ''}</td>
                <td className="doc-center">{hazard.deadline}</td>
                <td className="doc-center">{hazard.overdueDays > 0 ? <strong>{hazard.overdueDays} 天</strong> : '未逾期'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notice.hazards.length > 0 && (
        <p className="doc-para">
          请各挂牌督办单位、交办单位和所在村（社区）督促隐患单位按照治理方案落实整改责任、措施、资金、时限和预案，整改期间采取可靠的安全防范措施；逾期未整改的，依法从严处理。整改完成后及时申请复查，经复查合格后销号。
        </p>
      )}
      <div className="doc-seal doc-seal-notice">
        <div>{notice.orgName}</div>
        <div>{notice.date}</div>
      </div>
    </div>
  );
}
