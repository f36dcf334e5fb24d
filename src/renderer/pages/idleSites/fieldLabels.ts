import type { IdleSite } from '../../../shared/api/idleSites';

/** Chinese names of an idle site's fields: the form, the 变更记录 and the audit log use the same words. */
export const idleSiteFieldLabels: Partial<Record<keyof IdleSite | 'inspection', string>> = {
  name: '场所名称',
  kind: '场所类型',
  address: '地址',
  villageName: '所属村/社区',
  ownerName: '户主/产权人',
  ownerPhone: '联系电话',
  currentUse: '现用途',
  finding: '排查发现',
  disposal: '处置情况',
  sealed: '已贴封条',
  sampled: '已抽样化验',
  foundOn: '排查日期',
  disposedOn: '处置日期',
  gridWorkerName: '网格员',
  longitude: '经度',
  latitude: '纬度',
  notes: '备注',
  inspection: '排查记录',
};

/** Ids whose readable name is recorded beside them. */
export const idleSiteHiddenAuditFields: readonly string[] = ['villageId', 'gridWorkerId'];
