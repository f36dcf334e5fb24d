import { describe, expect, it } from 'vitest';
import { describeUsccProblem, findUsccProblem, isValidUscc, normalizeUscc, usccCheckChar } from './uscc';

describe('USCC check digit (GB 32100-2015)', () => {
  it.each(['91110108551385082Q', '91110000600037341L', '11441900MB2C90135G'])('accepts the DOMAIN vector %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('rejects the DOMAIN invalid vector and names the expected check character', () => {
    const problem = findUsccProblem('91110108551385082R');
    expect(problem).toEqual({ kind: 'check', expected: 'Q', actual: 'R' });
    expect(describeUsccProblem(problem!)).toBe('统一社会信用代码校验位（第 18 位）应为“Q”，当前为“R”，请核对前 17 位是否有误');
  });

  it('names a character outside the charset by position', () => {
    const problem = findUsccProblem('91110108551385O82Q');
    expect(problem).toEqual({ kind: 'character', position: 15, character: 'O' });
    expect(describeUsccProblem(problem!)).toContain('第 15 位“O”');
  });

  it('reports the length', () => {
    expect(findUsccProblem('9111010855138508')).toEqual({ kind: 'length', length: 16 });
  });

  it('normalizes full-width characters, spaces and case before checking', () => {
    expect(normalizeUscc('９１１１０１０８ ５５１３８５０８２ｑ')).toBe('91110108551385082Q');
    expect(isValidUscc('91110108 5513 8508 2q')).toBe(true);
  });

  it('computes the check character', () => {
    expect(usccCheckChar('11441900MB2C90135')).toBe('G');
  });
});
