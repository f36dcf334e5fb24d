import type { Tank } from '../../../shared/api/tanks';

/** Chinese names of a tank's fields, for its 变更记录, the 操作日志 and anywhere a field is named to staff. */
export const tankFieldLabels: Record<string, string> = {
  code: '罐号',
  enterpriseId: '所属企业',
  idleSiteId: '所属四闲场所',
  ownerKind: '所属类型',
  ownerName: '所属单位',
  villageName: '所属村/社区',
  category: '储罐类别',
  tankFarm: '罐区',
  medium: '介质',
  chemicalName: '目录化学品',
  cas: 'CAS号',
  designCapacityM3: '设计容积（m³）',
  maxStoredT: '最大储存量（t）',
  type: '储罐类型',
  material: '材质',
  pressureClass: '压力等级',
  status: '状态',
  publicLabel: '公开标识',
  responsibleName: '盯靠责任人',
  responsiblePhone: '责任人电话',
  lastCheckOn: '最近检查日期',
  registeredOn: '登记日期',
  longitude: '经度',
  latitude: '纬度',
  notes: '备注',
  attachments: '附件',
} satisfies Partial<Record<keyof Tank | 'attachments', string>>;

/** Ids whose readable name is recorded beside them (ownerName, villageName, chemicalName): both would say it twice. */
export const tankHiddenAuditFields: readonly string[] = ['enterpriseId', 'idleSiteId', 'villageId', 'chemicalId', 'ownerKind'];

/** A recorded value as staff read it: flags as 是/否, coordinates to 6 places, nothing as 空. */
export function formatTankValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '空';
  if (field === 'publicLabel' && typeof value === 'boolean') return value ? '已公开标识' : '未公开标识';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if ((field === 'longitude' || field === 'latitude') && typeof value === 'number') return value.toFixed(6);
  return String(value);
}
