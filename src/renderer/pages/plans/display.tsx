import { Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PlanDue } from '../../../shared/api/plans';
import { daysUntil, dueStateLabels, planOwnerTypeLabels, type DueState, type PlanOwnerType, type PlanStatus } from '../../../shared/domain/emergencyPlan';
import { todayText } from '../../components/DateInputs';

const dueColors: Record<DueState, string> = { overdue: 'red', due: 'orange', ok: 'default', done: 'green' };

/** How far a due date is, in words: 已逾期 12 天 / 还有 5 天 / 今天到期. */
export function dueDistance(date: string, today = todayText()): string {
  const days = daysUntil(today, date);
  if (days < 0) return `已逾期 ${-days} 天`;
  return days === 0 ? '今天到期' : `还有 ${days} 天`;
}

/** A due date with its state as a coloured tag; the tooltip says the rule and the distance. */
export function DueTag({ date, state, rule, approximate }: { date: string; state: DueState; rule?: string; approximate?: boolean }) {
  const label = state === 'done' ? dueStateLabels.done : state === 'ok' ? date : `${date} ${dueDistance(date)}`;
  const hint = [rule, state === 'done' ? null : dueDistance(date), approximate ? '该年节假日安排未录入，按周末计算，仅供参考' : null].filter(Boolean).join('；');
  return (
    <Tooltip title={hint || undefined}>
      <Tag color={dueColors[state]} style={{ marginInlineEnd: 0 }}>
        {label}
        {approximate ? '*' : ''}
      </Tag>
    </Tooltip>
  );
}

/** The 备案 column: filed, not required, or its deadline. */
export function FilingDueTag({ due, filingOn }: { due: PlanDue; filingOn: string | null }) {
  if (!due.filing) return filingOn ? <Tag style={{ marginInlineEnd: 0 }}>已备案 {filingOn}</Tag> : <span className="muted">无需备案</span>;
  if (due.filing.state === 'done') return <Tag color="green" style={{ marginInlineEnd: 0 }}>{filingOn ? `已备案 ${filingOn}` : '已报送，待核对'}</Tag>;
  return <DueTag date={due.filing.date} state={due.filing.state} approximate={due.filing.approximate} rule="第二十六条：发布后 20 个工作日内备案" />;
}

const ownerColors: Record<PlanOwnerType, string> = { town: 'geekblue', department: 'cyan', village: 'green', enterprise: 'default' };

export function OwnerTypeTag({ ownerType }: { ownerType: PlanOwnerType }) {
  return (
    <Tag color={ownerColors[ownerType]} style={{ marginInlineEnd: 4 }}>
      {planOwnerTypeLabels[ownerType]}
    </Tag>
  );
}

const statusColors: Record<PlanStatus, string> = { 现行: 'blue', 修订中: 'orange', 已废止: 'default' };

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
      {status}
    </Tag>
  );
}

/** Who a plan, filing, drill or reminder belongs to: the type as a tag, the name (an enterprise linked to its profile). */
export function OwnerName(props: {
  owner: { ownerType: PlanOwnerType; ownerName: string; enterpriseId: number | null; ownerVillageName: string | null };
  /** Link an enterprise to its profile (to this tab of it). */
  link?: boolean | string;
  /** Add the enterprise's village after its name. */
  showVillage?: boolean;
}) {
  const { owner, link, showVillage } = props;
  const tab = typeof link === 'string' ? `?tab=${link}` : '';
  return (
    <span>
      <OwnerTypeTag ownerType={owner.ownerType} />
      {link && owner.enterpriseId ? <Link to={`/enterprises/${owner.enterpriseId}${tab}`}>{owner.ownerName}</Link> : owner.ownerName}
      {showVillage && owner.ownerType === 'enterprise' && owner.ownerVillageName && <Typography.Text type="secondary"> · {owner.ownerVillageName}</Typography.Text>}
    </span>
  );
}
