import { describe, expect, it } from 'vitest';
import { isValidPhone, normalizePhone } from './phone';

describe('phone numbers', () => {
  it.each(['13800138000', '0769-85123456', '076985123456', '85123456', '020-81234567-801', '138 0013 8000'])('accepts %s', (phone) => {
    expect(isValidPhone(phone)).toBe(true);
  });
  it.each(['12800138000', '1380013800', '0769-0512345', 'abc', '138001380001', '0769—'])('rejects %s', (phone) => {
    expect(isValidPhone(phone)).toBe(false);
  });
  it('normalizes spaces and full-width dashes', () => {
    expect(normalizePhone('0769－8512 3456')).toBe('0769-85123456');
  });
});
