import type { PlanDue, Reminder } from '../../../shared/api/plans';
import {
  daysUntil,
  drillIntervalMonths,
  drillRuleText,
  dueStateOf,
  filingDeadlineOf,
  filingWorkingDays,
  nextDrillOf,
  nextEvaluationOf,
  type PlanKind,
  type PlanOwnerFacts,
} from '../../../shared/domain/emergencyPlan';
import { addDays, type HolidayCalendar } from '../../../shared/domain/holidays';

/** How far ahead a date counts as 即将到期 on lists and profiles (the reminders page chooses its own). */
export const dueWindowDays = 30;

/** The facts of a plan's current version the due dates are computed from. */
export interface DueFacts {
  kind: PlanKind;
  owner: PlanOwnerFacts;
  issuedOn: string;
  lastEvaluatedOn: string | null;
  lastDrillOn: string | null;
  /** The version is on record as filed, or a filing of it was received and not refused. */
  filed: boolean;
}

/** A plan's three due dates as of `today`, each with its state. */
export function planDueOf(facts: DueFacts, today: string, calendar: HolidayCalendar, windowDays = dueWindowDays): PlanDue {
  const deadline = filingDeadlineOf(facts.owner, facts.issuedOn, calendar);
  const evaluation = nextEvaluationOf(facts.issuedOn, facts.lastEvaluatedOn);
  const drill = nextDrillOf(facts.kind, facts.owner, facts.issuedOn, facts.lastDrillOn);
  // The same as dueStateOf, with the window's end worked out once: registers call this for every plan.
  const horizon = addDays(today, windowDays);
  const stateOf = (date: string) => (date < today ? 'overdue' : date <= horizon ? 'due' : 'ok');
  return {
    filing: deadline && { ...deadline, state: facts.filed ? 'done' : stateOf(deadline.date) },
    evaluation: { date: evaluation, approximate: false, state: stateOf(evaluation) },
    drill: {
      date: drill,
      approximate: false,
      state: stateOf(drill),
      intervalMonths: drillIntervalMonths(facts.kind, facts.owner),
      rule: drillRuleText(facts.kind, facts.owner),
    },
    lastDrillOn: facts.lastDrillOn,
  };
}

function lateness(today: string, dueOn: string): string {
  const days = daysUntil(today, dueOn);
  if (days < 0) return `已逾期 ${-days} 天`;
  return days === 0 ? '今天到期' : `还有 ${days} 天`;
}

type PlanReminderBase = Omit<Reminder, 'kind' | 'state' | 'dueOn' | 'daysLeft' | 'approximate' | 'detail' | 'filingId'>;

/** The reminders one plan gives as of `today` within `windowDays` (filing, evaluation, drill). */
export function planReminders(base: PlanReminderBase, facts: DueFacts, due: PlanDue, today: string, windowDays: number): Reminder[] {
  const items: Reminder[] = [];
  const push = (kind: Reminder['kind'], dueOn: string, approximate: boolean, detail: string) => {
    const state = dueStateOf(dueOn, today, windowDays);
    if (state === 'ok') return;
    items.push({ ...base, kind, state, dueOn, daysLeft: daysUntil(today, dueOn), approximate, filingId: null, detail: `${detail}，${lateness(today, dueOn)}` });
  };
  if (due.filing && due.filing.state !== 'done') {
    push('filing', due.filing.date, due.filing.approximate, `第二十六条：发布（${facts.issuedOn}）后 ${filingWorkingDays} 个工作日内备案，截止 ${due.filing.date}`);
  }
  const evaluatedText = facts.lastEvaluatedOn && facts.lastEvaluatedOn > facts.issuedOn ? `上次评估 ${facts.lastEvaluatedOn}` : `发布于 ${facts.issuedOn}`;
  push('evaluation', due.evaluation.date, false, `第三十五条：每 3 年评估一次（${evaluatedText}），应于 ${due.evaluation.date} 前评估`);
  const drilledText = due.lastDrillOn && due.lastDrillOn > facts.issuedOn ? `上次演练 ${due.lastDrillOn}` : '本版发布以来未演练';
  push('drill', due.drill.date, false, `${due.drill.rule}（${drilledText}），应于 ${due.drill.date} 前演练`);
  return items;
}
