/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I, O, S, V, Z); the last is a
 * check character computed from the first 17 with fixed weights, modulo 31.
 */
export const usccCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem =
  | { kind: 'length'; length: number }
  | { kind: 'character'; position: number; character: string }
  | { kind: 'check'; expected: string; actual: string };

/** Upper-cases, turns full-width letters and digits into ASCII and drops spaces, as staff paste them. */
export function normalizeUscc(raw: string): string {
  return raw
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters (which must all be in the charset). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += usccCharset.indexOf(first17[i]) * weights[i];
  return usccCharset[(31 - (sum % 31)) % 31];
}

/** What is wrong with a code, or null when it is valid. Positions are 1-based, as staff count them. */
export function findUsccProblem(raw: string): UsccProblem | null {
  const code = normalizeUscc(raw);
  if (code.length !== 18) return { kind: 'length', length: code.length };
  for (let i = 0; i < 18; i += 1) {
    if (!usccCharset.includes(code[i])) return { kind: 'character', position: i + 1, character: code[i] };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  return expected === code[17] ? null : { kind: 'check', expected, actual: code[17] };
}

export function isValidUscc(raw: string): boolean {
  return findUsccProblem(raw) === null;
}

/** A Chinese message naming what is wrong, for the form and the import report. */
export function describeUsccProblem(problem: UsccProblem): string {
  switch (problem.kind) {
    case 'length':
      return `统一社会信用代码应为 18 位，当前为 ${problem.length} 位`;
    case 'character':
      return `统一社会信用代码第 ${problem.position} 位“${problem.character}”不是有效字符（不使用 I、O、S、V、Z）`;
    case 'check':
      return `统一社会信用代码校验位（第 18 位）应为“${problem.expected}”，当前为“${problem.actual}”，请核对前 17 位是否有误`;
  }
}
