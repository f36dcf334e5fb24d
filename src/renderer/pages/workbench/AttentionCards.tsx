import { AlertOutlined, CloudServerOutlined, FileProtectOutlined, FireOutlined, HomeOutlined, ScheduleOutlined, SnippetsOutlined, WarningOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { WorkbenchSummary } from '../../../shared/api/workbench';

type Tone = 'danger' | 'warning' | 'info' | 'ok';

interface AttentionCard {
  key: string;
  title: string;
  count: number | string;
  unit: string;
  href: string;
  icon: ReactNode;
  tone: Tone;
  /** A second line: the part of the count that matters most, or what the card means. */
  detail: ReactNode;
}

/** Red only where a non-zero count is a breach (overdue, unapproved); otherwise a calm colour. */
const alarm = (count: number, tone: Tone = 'danger'): Tone => (count > 0 ? tone : 'ok');

function backupCard(backup: WorkbenchSummary['backup']): AttentionCard {
  const last = backup.lastRemovableAt;
  const days = last ? dayjs().startOf('day').diff(dayjs(last).startOf('day'), 'day') : null;
  return {
    key: 'backup',
    title: 'U盘备份',
    count: days === null ? '从未' : days === 0 ? '今天' : days,
    unit: days === null || days === 0 ? '' : '天前',
    href: '/backup',
    icon: <CloudServerOutlined />,
    tone: backup.removableStale ? 'danger' : 'ok',
    detail: backup.removableStale
      ? `超过 ${backup.usbWarnDays} 天未备份到U盘，请尽快备份`
      : backup.lastLocalAt
        ? `本机自动备份：${dayjs(backup.lastLocalAt).format('MM-DD HH:mm')}`
        : '本机尚无自动备份',
  };
}

function cardsOf(summary: WorkbenchSummary): AttentionCard[] {
  const a = summary.attention;
  const reminders = a.remindersByKind;
  return [
    {
      key: 'worksToday',
      title: '今日作业',
      count: a.worksToday,
      unit: '项',
      href: '/filings',
      icon: <FireOutlined />,
      tone: a.worksToday ? 'info' : 'ok',
      detail: '今日开展或持续的特殊作业',
    },
    {
      key: 'worksFlagged',
      title: '异常作业',
      count: a.worksFlagged,
      unit: '项',
      href: '/filings/list?flagged=true',
      icon: <WarningOutlined />,
      tone: alarm(a.worksFlagged),
      detail: '未批先干、超时未关闭',
    },
    {
      key: 'hazardsOverdue',
      title: '逾期未整改隐患',
      count: a.hazardsOverdue,
      unit: '条',
      href: '/hazards?overdue=true',
      icon: <AlertOutlined />,
      tone: alarm(a.hazardsOverdue),
      detail: a.majorHazardsOverdue ? <strong>其中重大隐患 {a.majorHazardsOverdue} 条</strong> : '已过整改期限仍未销号',
    },
    {
      key: 'ordersOpen',
      title: '未结指令书',
      count: a.ordersOpen,
      unit: '份',
      href: '/hazards/orders?open=true',
      icon: <SnippetsOutlined />,
      tone: a.ordersOverdue ? 'danger' : a.ordersOpen ? 'warning' : 'ok',
      detail: a.ordersOverdue ? <strong>其中已过整改期限 {a.ordersOverdue} 份</strong> : '所列隐患尚未全部销号',
    },
    {
      key: 'plansOverdue',
      title: '预案逾期',
      count: a.plansOverdue,
      unit: '个',
      href: '/plans?due=overdue',
      icon: <FileProtectOutlined />,
      tone: alarm(a.plansOverdue),
      detail: `另有 30 天内到期事项 ${a.remindersDueSoon} 项`,
    },
    {
      key: 'drills',
      title: '演练与备案提醒',
      count: reminders.drill + reminders.filing + reminders.filingCheck + reminders.evaluation,
      unit: '项',
      href: '/plans/reminders',
      icon: <ScheduleOutlined />,
      tone: alarm(reminders.drill + reminders.filing + reminders.filingCheck + reminders.evaluation, 'warning'),
      detail: `演练 ${reminders.drill} · 备案 ${reminders.filing + reminders.filingCheck} · 评估 ${reminders.evaluation}`,
    },
    {
      key: 'idleSitesPending',
      title: '四闲场所待处置',
      count: a.idleSitesPending,
      unit: '处',
      href: '/idle-sites?disposal=待处置',
      icon: <HomeOutlined />,
      tone: alarm(a.idleSitesPending, 'warning'),
      detail: '发现违法情形、尚未处置',
    },
    backupCard(summary.backup),
  ];
}

/** The top row: what needs attention today, each a count that opens the list behind it. */
export function AttentionCards({ summary }: { summary: WorkbenchSummary }) {
  return (
    <div className="workbench-attention" role="list" aria-label="今日关注">
      {cardsOf(summary).map((card) => (
        <Link key={card.key} to={card.href} className={`workbench-attention-card tone-${card.tone}`} role="listitem" data-testid={`attention-${card.key}`}>
          <div className="workbench-attention-head">
            <span className="workbench-attention-icon">{card.icon}</span>
            <span className="workbench-attention-title">{card.title}</span>
          </div>
          <div className="workbench-attention-count">
            <span className="workbench-attention-value" data-testid={`attention-${card.key}-count`}>
              {typeof card.count === 'number' ? card.count.toLocaleString('zh-CN') : card.count}
            </span>
            {card.unit && <span className="workbench-attention-unit">{card.unit}</span>}
          </div>
          <div className="workbench-attention-detail">{card.detail}</div>
        </Link>
      ))}
    </div>
  );
}
