import { Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useLocation } from 'react-router-dom';
import type { HazardLevel, HazardStatus } from '../../../shared/domain/hazard';
import { todayText } from '../../components/DateInputs';

const statusColors: Record<HazardStatus, string> = { 待整改: 'gold', 整改中: 'blue', 待复查: 'purple', 已销号: 'green' };

export function HazardStatusTag({ status }: { status: HazardStatus }) {
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
      {status}
    </Tag>
  );
}

/** 重大 stands out in red; 一般 is plain. */
export function HazardLevelTag({ level }: { level: HazardLevel }) {
  return (
    <Tag color={level === '重大' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
      {level}
    </Tag>
  );
}

/** Whole days a deadline is behind today (0 when not past it). */
export function overdueDays(deadline: string, today = todayText()): number {
  return Math.max(0, dayjs(today).diff(dayjs(deadline), 'day'));
}

/** 逾期 N 天, as a red tag. */
export function OverdueTag({ deadline }: { deadline: string }) {
  return (
    <Tag color="red" style={{ marginInlineEnd: 0 }}>
      逾期 {overdueDays(deadline)} 天
    </Tag>
  );
}

/** A hazard's 整改期限: red with 逾期 N 天 when past it and not closed. */
export function DeadlineCell({ deadline, overdue, extensions = 0 }: { deadline: string; overdue: boolean; extensions?: number }) {
  const extended = extensions > 0 ? <Tooltip title={`已延期 ${extensions} 次`}><Typography.Text type="secondary">（延）</Typography.Text></Tooltip> : null;
  if (!overdue) {
    return (
      <span className="hazard-deadline">
        {deadline}
        {extended}
      </span>
    );
  }
  return (
    <span className="hazard-deadline hazard-deadline-overdue">
      <Typography.Text type="danger">{deadline}</Typography.Text>
      {extended} <OverdueTag deadline={deadline} />
    </span>
  );
}

/** What an inspection, hazard or order is about: an enterprise or a 四闲 site. */
export interface TargetRef {
  enterpriseId: number | null;
  idleSiteId: number | null;
  targetName: string;
  villageName?: string;
}

/** The same unit for two rows (what one order may list). */
export function targetKey(target: Pick<TargetRef, 'enterpriseId' | 'idleSiteId'>): string {
  return target.enterpriseId ? `e${target.enterpriseId}` : `s${target.idleSiteId}`;
}

/** The unit's own page, at its 隐患与检查 tab. */
export function targetPath(target: Pick<TargetRef, 'enterpriseId' | 'idleSiteId'>): string {
  return target.enterpriseId ? `/enterprises/${target.enterpriseId}?tab=hazards` : `/idle-sites/${target.idleSiteId}?tab=hazards`;
}

/** The unit's name linked to its page; a 四闲 site carries a small tag so it reads apart from enterprises. */
export function TargetName({ target, showVillage }: { target: TargetRef; showVillage?: boolean }) {
  return (
    <span>
      {target.idleSiteId !== null && (
        <Tag color="cyan" style={{ marginInlineEnd: 4 }}>
          四闲
        </Tag>
      )}
      <Link to={targetPath(target)} onClick={(event) => event.stopPropagation()}>
        {target.targetName}
      </Link>
      {showVillage && target.villageName && <Typography.Text type="secondary"> · {target.villageName}</Typography.Text>}
    </span>
  );
}

/** Navigation state a linked record page reads to lead 返回 back to where it was opened. */
export interface BackState {
  backTo?: string;
}

/** State to hand to a link so the record it opens returns here. */
export function useBackState(): BackState {
  const location = useLocation();
  return { backTo: `${location.pathname}${location.search}` };
}

/** Where 返回 leads: the page that opened this one, else `fallback`. */
export function useBackTo(fallback: string): string {
  const location = useLocation();
  return (location.state as BackState | null)?.backTo ?? fallback;
}

/** A date N days after another, as the API takes it. */
export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}

/** The default time given to rectify: 15 days after the hazard was found. */
export const defaultRectificationDays = 15;
