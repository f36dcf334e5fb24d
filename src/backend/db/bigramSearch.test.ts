import { describe, expect, it } from 'vitest';
import { bigramMatch, bigramText } from './bigramSearch';

describe('bigram search tokens', () => {
  it('writes each character pair as one hex token, fields apart, and a query as the phrase of its pairs', () => {
    expect(bigramText('灭火器')).toBe('706dx706b 706bx5668');
    expect(bigramMatch('灭火')).toBe('"706dx706b"');
    expect(bigramMatch('灭火器')).toBe('"706dx706b 706bx5668"');
    // Two fields: the break token keeps 器 and 过 from forming a pair no field contains.
    expect(bigramText('灭火器', '过期')).toBe('706dx706b 706bx5668 z 8fc7x671f');
    expect(bigramText(null, '', '过期')).toBe('8fc7x671f');
  });

  it('has no pair for one character, lower-cases Latin letters and keeps digits, hyphens and characters beyond the BMP', () => {
    expect(bigramMatch('火')).toBeNull();
    expect(bigramMatch('')).toBeNull();
    expect(bigramMatch('PLC')).toBe(bigramMatch('plc'));
    expect(bigramText('6-0')).toBe('36x2d 2dx30');
    expect(bigramText('𠮷野')).toBe('20bb7x91ce');
  });
});
