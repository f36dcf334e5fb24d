/**
 * The checks a special-work filing gets on save and again on approval. Errors block; warnings need a reason
 * to proceed. Pure: the caller gathers the enterprise, the other hot works and the tanks.
 */
import type { EnterpriseStatus, Industry } from './enterprise';
import { dayKindOf, type HolidayCalendar } from './holidays';
import {
  datesSpanned,
  describeMinutes,
  gradingOf,
  heightWorkGrade,
  hotWorkGradeUp,
  hotWorkGrades,
  isBoundByGb30871,
  isHotWork,
  liftingGrade,
  maxWindowOf,
  minutesOf,
  minWorkHeightM,
  nightHours,
  requiredDocumentsOf,
  temporaryPowerUsualDays,
  plannedAtNight,
  type HeightClass,
  type SpecialWorkGrade,
  type SpecialWorkKind,
} from './specialWork';

/** What the rules read of a filing. */
export interface FilingFacts {
  kind: SpecialWorkKind;
  /** The chosen grade (动火, 切割); ignored for kinds whose grade is computed. */
  grade: SpecialWorkGrade | null;
  heightM: number | null;
  heightClass: HeightClass | null;
  loadT: number | null;
  plannedStart: string;
  plannedEnd: string;
  /** Documents the filing brought. */
  documents: readonly string[];
}

export interface FilingRuleContext {
  enterprise: { name: string; industry: Industry; status: EnterpriseStatus };
  /** The enterprise's other live, not-ended hot-work filings whose windows overlap this one. */
  overlappingHotWorks: readonly { number: string; plannedStart: string; plannedEnd: string }[];
  /** The tanks the work touches, with their current status. */
  tanks: readonly { code: string; status: string }[];
  calendar: HolidayCalendar;
}

export type FilingRuleCode =
  | 'window-order'
  | 'height-below-minimum'
  | 'grade-missing'
  | 'window-too-long'
  | 'temporary-power-long'
  | 'hot-work-upgraded'
  | 'holiday-work'
  | 'enterprise-closed'
  | 'enterprise-suspended'
  | 'overlapping-hot-work'
  | 'documents-missing'
  | 'tank-in-use'
  | 'gb30871-reference-only';

export interface FilingFinding {
  code: FilingRuleCode;
  message: string;
  /** The form field the finding is about, when there is one. */
  field?: string;
}

export interface FilingCheck {
  errors: FilingFinding[];
  warnings: FilingFinding[];
  /** The grade as filed (chosen or computed). */
  grade: SpecialWorkGrade | null;
  /** The grade the work is managed at: one up for 动火 on a holiday, rest day or at night. */
  managedGrade: SpecialWorkGrade | null;
}

/** The grade a filing has: chosen for hot work, computed from height or load, none otherwise. */
export function gradeOf(facts: Pick<FilingFacts, 'kind' | 'grade' | 'heightM' | 'heightClass' | 'loadT'>): SpecialWorkGrade | null {
  switch (gradingOf(facts.kind)) {
    case 'chosen':
      return facts.grade !== null && (hotWorkGrades as readonly string[]).includes(facts.grade) ? facts.grade : null;
    case 'height':
      return facts.heightM === null ? null : heightWorkGrade(facts.heightM, facts.heightClass ?? 'A');
    case 'load':
      return facts.loadT === null ? null : liftingGrade(facts.loadT);
    default:
      return null;
  }
}

/** The holidays, rest days and night a window falls on (what calls for one grade up for 动火). */
function offHours(facts: FilingFacts, calendar: HolidayCalendar): { holidays: string | null; restDay: boolean; night: boolean } {
  const holidays = new Set<string>();
  let restDay = false;
  for (const date of datesSpanned(facts.plannedStart, facts.plannedEnd)) {
    const day = dayKindOf(date, calendar);
    if (day.kind === 'holiday') holidays.add(`${day.name}（${date}）`);
    if (day.kind === 'restDay') restDay = true;
  }
  const named = [...holidays];
  return {
    holidays: named.length ? `节假日${named.slice(0, 2).join('、')}${named.length > 2 ? '等' : ''}` : null,
    restDay,
    night: plannedAtNight(facts.plannedStart, facts.plannedEnd),
  };
}

/** Runs every rule of DOMAIN.md's special-work filing on `facts`. */
export function checkFiling(facts: FilingFacts, context: FilingRuleContext): FilingCheck {
  const errors: FilingFinding[] = [];
  const warnings: FilingFinding[] = [];
  const bound = isBoundByGb30871(context.enterprise.industry);
  /** A GB 30871 requirement: an error where the standard binds, a warning where it is only 参照执行. */
  const standard = (finding: FilingFinding) => (bound ? errors : warnings).push(finding);

  const grade = gradeOf(facts);
  let managedGrade = grade;
  const grading = gradingOf(facts.kind);
  if (grading === 'chosen' && grade === null) errors.push({ code: 'grade-missing', message: `${facts.kind}作业须选择级别（特级/一级/二级）`, field: 'grade' });
  if (grading === 'height') {
    if (facts.heightM === null) errors.push({ code: 'grade-missing', message: '高处作业须填写作业高度，以确定级别', field: 'heightM' });
    else if (facts.heightM < minWorkHeightM) {
      errors.push({ code: 'height-below-minimum', message: `作业高度 ${facts.heightM} m 不足 ${minWorkHeightM} m，不属于高处作业（GB 30871-2022 3.7）`, field: 'heightM' });
    }
  }
  if (grading === 'load' && facts.loadT === null) errors.push({ code: 'grade-missing', message: '吊装作业须填写吊物质量，以确定级别', field: 'loadT' });

  const length = minutesOf(facts.plannedEnd) - minutesOf(facts.plannedStart);
  if (!(length > 0)) {
    errors.push({ code: 'window-order', message: '计划结束时间须晚于计划开始时间', field: 'plannedEnd' });
  } else {
    const off = offHours(facts, context.calendar);
    const reasons = [off.holidays, off.restDay && '休息日', off.night && `夜间（${nightHours.from}:00—次日 ${nightHours.to}:00）`].filter(Boolean);
    if (reasons.length && isHotWork(facts.kind) && grade !== null && (hotWorkGrades as readonly string[]).includes(grade)) {
      managedGrade = hotWorkGradeUp(grade as (typeof hotWorkGrades)[number]);
      const upgrade = grade === '特级' ? '已为特级，须严格按特级动火管理' : `按${managedGrade}动火管理（${grade} → ${managedGrade}）`;
      warnings.push({ code: 'hot-work-upgraded', message: `作业时段含${reasons.join('、')}，依 GB 30871-2022 5.1.1 应升级管理：${upgrade}`, field: 'plannedStart' });
    } else if (off.holidays) {
      warnings.push({ code: 'holiday-work', message: `作业时段含${off.holidays}，请确认企业值守与现场监护力量`, field: 'plannedStart' });
    }

    const limit = maxWindowOf(facts.kind, managedGrade);
    if (limit && length > limit.minutes) {
      const gradeText = managedGrade && managedGrade !== grade ? `升级后的${managedGrade}` : (grade ?? '');
      standard({
        code: 'window-too-long',
        message: `作业时长 ${describeMinutes(length)}，超过${gradeText}${facts.kind}作业许可的最长有效期 ${limit.label}（${limit.clause}）`,
        field: 'plannedEnd',
      });
    } else if (facts.kind === '临时用电' && length > temporaryPowerUsualDays * 1440) {
      warnings.push({
        code: 'temporary-power-long',
        message: `临时用电时长 ${describeMinutes(length)}，超过一般不超过的 ${temporaryPowerUsualDays} 天，须说明特殊情况（GB 30871-2022 10.8）`,
        field: 'plannedEnd',
      });
    }
  }

  const { enterprise } = context;
  if (enterprise.status === '关闭' || enterprise.status === '注销') {
    errors.push({ code: 'enterprise-closed', message: `企业「${enterprise.name}」已${enterprise.status}，不受理特殊作业报备`, field: 'enterpriseId' });
  } else if (enterprise.status === '停产') {
    warnings.push({ code: 'enterprise-suspended', message: `企业「${enterprise.name}」处于停产状态，请核实作业内容（如停产检修）`, field: 'enterpriseId' });
  }

  if (isHotWork(facts.kind) && context.overlappingHotWorks.length) {
    const others = context.overlappingHotWorks.map((other) => `${other.number}（${other.plannedStart}—${other.plannedEnd}）`).join('、');
    warnings.push({ code: 'overlapping-hot-work', message: `同一企业同一时段已有动火作业：${others}`, field: 'plannedStart' });
  }

  // Managed one grade up, the work needs what that grade needs (特级: video monitoring).
  const missing = requiredDocumentsOf(facts.kind, managedGrade).filter((document) => !facts.documents.includes(document));
  if (missing.length) standard({ code: 'documents-missing', message: `缺少材料：${missing.join('、')}`, field: 'documents' });

  const inUse = context.tanks.filter((tank) => tank.status === '在用');
  if (inUse.length) {
    const codes = inUse.map((tank) => tank.code).join('、');
    const text = isHotWork(facts.kind) ? `动火作业涉及在用储罐 ${codes}，须清洗置换、隔离并经气体分析合格` : `作业涉及在用储罐 ${codes}，请核实隔离措施`;
    warnings.push({ code: 'tank-in-use', message: text, field: 'tankIds' });
  }

  if (!bound && (errors.length || warnings.length)) {
    warnings.unshift({
      code: 'gb30871-reference-only',
      message: `企业行业为「${enterprise.industry}」，GB 30871-2022 仅参照执行：不符合项只作提醒，不阻止报备`,
    });
  }
  return { errors, warnings, grade, managedGrade };
}
