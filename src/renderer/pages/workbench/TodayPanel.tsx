import { Card, Empty, Tabs, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { FilingRow } from '../../../shared/api/filings';
import type { Reminder } from '../../../shared/api/plans';
import type { WorkbenchSummary } from '../../../shared/api/workbench';
import { reminderKindLabels } from '../../../shared/domain/emergencyPlan';
import { FilingFlags, FilingStatusTag, windowText } from '../filings/display';

function WorkRows({ rows, empty }: { rows: FilingRow[]; empty: string }) {
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul className="workbench-rows">
      {rows.map((row) => (
        <li key={row.id}>
          <Link to={`/filings/${row.id}`} className="workbench-row-main">
            <span className="workbench-row-title">
              {row.kind} · {row.enterpriseName}
            </span>
            <span className="workbench-row-sub">
              {windowText(row.plannedStart, row.plannedEnd)} · {row.place}
            </span>
          </Link>
          <span className="workbench-row-tags">
            <FilingFlags row={row} />
            <FilingStatusTag status={row.status} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function ReminderRows({ rows }: { rows: Reminder[] }) {
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="30 天内没有到期事项" />;
  return (
    <ul className="workbench-rows">
      {rows.map((row) => (
        <li key={`${row.kind}-${row.planId}-${row.filingId ?? 0}`}>
          <Link to={`/plans/${row.planId}`} className="workbench-row-main">
            <span className="workbench-row-title">
              {reminderKindLabels[row.kind]} · {row.ownerName}
            </span>
            <span className="workbench-row-sub">
              {row.planName} · 期限 {row.dueOn}
            </span>
          </Link>
          <span className="workbench-row-tags">
            {row.state === 'overdue' ? <Tag color="red">逾期 {-row.daysLeft} 天</Tag> : <Tag color="orange">{row.daysLeft} 天后到期</Tag>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Today's lists, each the first few items with a way to the whole list. */
export function TodayPanel({ summary }: { summary: WorkbenchSummary }) {
  const a = summary.attention;
  const reminderCount = Object.values(a.remindersByKind).reduce((sum, n) => sum + n, 0);
  const more = (shown: number, total: number, to: string) =>
    total > shown ? (
      <Link to={to} className="workbench-more">
        查看全部 {total} 项
      </Link>
    ) : null;
  return (
    <Card size="small" className="workbench-today" title="今日待办">
      <Tabs
        size="small"
        items={[
          {
            key: 'works',
            label: `今日作业（${a.worksToday}）`,
            children: (
              <>
                <WorkRows rows={summary.worksToday} empty="今天没有特殊作业" />
                {more(summary.worksToday.length, a.worksToday, '/filings')}
              </>
            ),
          },
          {
            key: 'flagged',
            label: <span className={a.worksFlagged ? 'workbench-tab-alarm' : undefined}>异常作业（{a.worksFlagged}）</span>,
            children: (
              <>
                <WorkRows rows={summary.worksFlagged} empty="没有未批先干或超时的作业" />
                {more(summary.worksFlagged.length, a.worksFlagged, '/filings/list?flagged=true')}
              </>
            ),
          },
          {
            key: 'reminders',
            label: `预案提醒（${reminderCount}）`,
            children: (
              <>
                <ReminderRows rows={summary.reminders} />
                {more(summary.reminders.length, reminderCount, '/plans/reminders')}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
