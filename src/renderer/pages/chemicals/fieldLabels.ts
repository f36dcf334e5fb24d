import type { ChemicalFields } from '../../../shared/api/chemicals';

/** Chinese names of a catalogue entry's fields, as the form labels them; the 操作日志 uses them too. */
export const chemicalFieldLabels: Record<keyof ChemicalFields, string> = {
  name: '名称',
  aliases: '别名',
  cas: 'CAS号',
  hazardClass: '危险性类别',
  criticalQuantity: '临界量（t）',
  criticalQuantityRef: '临界量出处',
  beta: '校正系数β',
  betaRef: '校正系数出处',
  notes: '备注',
};
