import type { Enterprise } from '../../../shared/api/enterprises';
import { riskLevelLabels, type RiskLevel } from '../../../shared/domain/enterprise';

/** Chinese names of an enterprise's fields, for the audit trail and anywhere a field is named to staff. */
export const enterpriseFieldLabels: Partial<Record<keyof Enterprise | 'attachments', string>> = {
  name: '企业名称',
  uscc: '统一社会信用代码',
  address: '地址',
  villageName: '所属村/社区',
  industry: '行业领域',
  supervisingDept: '行业主管部门',
  riskLevel: '风险等级',
  keySupervised: '重点监管',
  standardization: '安全生产标准化等级',
  majorHazard: '重大危险源',
  principalName: '主要负责人',
  principalPhone: '主要负责人电话',
  safetyManagerName: '安全管理人员',
  safetyManagerPhone: '安全管理人员电话',
  employees: '从业人员数',
  status: '经营状态',
  gridWorkerName: '网格员',
  longitude: '经度',
  latitude: '纬度',
  notes: '备注',
  attachments: '附件',
};

/** Ids whose readable name is recorded beside them (villageName, gridWorkerName): showing both says it twice. */
export const enterpriseHiddenAuditFields: readonly string[] = ['villageId', 'gridWorkerId'];

/** A recorded value as staff read it: risk colours by their level name, flags as 是/否, nothing as 空. */
export function formatEnterpriseValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '空';
  if (field === 'riskLevel' && typeof value === 'string' && value in riskLevelLabels) return riskLevelLabels[value as RiskLevel];
  if (typeof value === 'boolean') return value ? '是' : '否';
  if ((field === 'longitude' || field === 'latitude') && typeof value === 'number') return value.toFixed(6);
  return String(value);
}
