import { describe, expect, it } from 'vitest';
import { casCheckDigit, describeCasProblem, findCasProblem, normalizeCas } from './cas';

describe('CAS numbers', () => {
  it.each([
    ['7664-41-7', '氨'],
    ['7782-50-5', '氯'],
    ['67-56-1', '甲醇'],
    ['7732-18-5', '水'],
    ['74-98-6', '丙烷'],
    ['50-00-0', '甲醛'],
    ['7647-01-0', '氯化氢'],
  ])('accepts %s (%s)', (cas) => {
    expect(findCasProblem(cas)).toBeNull();
  });

  it('computes the check digit by position from the right', () => {
    // 7664-41: 1×1 + 4×2 + 4×3 + 6×4 + 6×5 + 7×6 = 117 → 7
    expect(casCheckDigit('7664-41')).toBe(7);
    expect(casCheckDigit('6756')).toBe(1);
  });

  it('reads full-width digits and other dashes as pasted from documents', () => {
    expect(normalizeCas('７６６４－４１－７')).toBe('7664-41-7');
    expect(findCasProblem(' 7782–50–5 ')).toBeNull();
  });

  it('names a wrong check digit and a malformed number in Chinese', () => {
    expect(findCasProblem('7664-41-8')).toEqual({ kind: 'check', expected: 7, actual: 8 });
    expect(describeCasProblem({ kind: 'check', expected: 7, actual: 8 })).toBe('CAS 号校验位应为“7”，当前为“8”，请核对前面的数字');
    for (const bad of ['7664417', '7664-4-7', '1-41-7', '12345678-41-7', '0764-41-7', 'abc']) {
      expect(findCasProblem(bad), bad).toEqual({ kind: 'format' });
    }
  });
});
