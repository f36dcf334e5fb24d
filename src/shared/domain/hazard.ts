/**
 * 隐患排查治理: inspections, hazards and their lifecycle, rectification orders. A hazard is closed (销号) only by
 * a passed re-inspection (复查); 逾期 is computed from the deadline, never stored.
 */

export const inspectionKinds = ['日常', '专项', '执法', '专家', '督导'] as const;
export type InspectionKind = (typeof inspectionKinds)[number];

export const hazardSources = ['检查', '自查', '举报'] as const;
export type HazardSource = (typeof hazardSources)[number];

export const hazardLevels = ['一般', '重大'] as const;
export type HazardLevel = (typeof hazardLevels)[number];

export const hazardStatuses = ['待整改', '整改中', '待复查', '已销号'] as const;
export type HazardStatus = (typeof hazardStatuses)[number];

/** The steps of a hazard's lifecycle. */
export const hazardActions = ['startRectification', 'submitForReview', 'reinspect', 'extend'] as const;
export type HazardAction = (typeof hazardActions)[number];
export const hazardActionLabels: Record<HazardAction, string> = {
  startRectification: '开始整改',
  submitForReview: '整改完成，申请复查',
  reinspect: '复查',
  extend: '延期',
};

/**
 * Where each action leads from each status. 复查 passed closes (已销号); failed sends the hazard back to 整改中.
 * 延期 keeps the status and moves the deadline. Nothing leaves 已销号.
 */
export function nextHazardStatus(from: HazardStatus, action: HazardAction, passed?: boolean): HazardStatus | null {
  switch (action) {
    case 'startRectification':
      return from === '待整改' ? '整改中' : null;
    case 'submitForReview':
      return from === '待整改' || from === '整改中' ? '待复查' : null;
    case 'reinspect':
      if (from !== '待复查' || passed === undefined) return null;
      return passed ? '已销号' : '整改中';
    case 'extend':
      return from === '待整改' || from === '整改中' ? from : null;
  }
}

export function hazardActionsFrom(status: HazardStatus): HazardAction[] {
  return hazardActions.filter((action) => nextHazardStatus(status, action, action === 'reinspect' ? true : undefined) !== null);
}

/** 逾期: not closed and past its deadline (the deadline day itself still counts as in time). */
export function isHazardOverdue(hazard: { status: HazardStatus; deadline: string }, today: string): boolean {
  return hazard.status !== '已销号' && hazard.deadline < today;
}

/** The six parts of a major hazard's 治理方案 (DOMAIN.md). */
export const governancePlanParts = [
  { key: 'planTargets', label: '治理的目标和任务' },
  { key: 'planMethods', label: '采取的方法和措施' },
  { key: 'planFunds', label: '经费和物资的落实' },
  { key: 'planOrganisation', label: '负责治理的机构和人员' },
  { key: 'planTimeline', label: '治理的时限和要求' },
  { key: 'planSafety', label: '安全措施和应急预案' },
] as const;
export type GovernancePlanKey = (typeof governancePlanParts)[number]['key'];

/** The rectification rate as the reports write it: 90.4%, one decimal; no hazards gives null (not 0%). */
export function rectificationRate(found: number, rectified: number): number | null {
  if (found === 0) return null;
  return Math.round((rectified / found) * 1000) / 10;
}
