import { describe, expect, it } from 'vitest';
import { chemicalFields } from '../../../shared/api/chemicals';
import { fieldLabel } from '../audit/auditChanges';

describe('chemical field labels', () => {
  it('name every editable field in the 操作日志', () => {
    for (const field of Object.keys(chemicalFields.shape)) expect(fieldLabel('chemical', field)).not.toBe(field);
    expect(fieldLabel('chemical', 'criticalQuantityRef')).toBe('临界量出处');
  });
});
