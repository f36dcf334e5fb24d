import { describe, expect, it } from 'vitest';
import { cellText, normalizeHeader, readDate, readDateTime, readNumber, readYesNo } from './cells';
import { splitPersonAndPhone } from './readers';

describe('readDate', () => {
  it.each([
    ['2021-05-20', '2021-05-20'],
    ['2021/5/20', '2021-05-20'],
    ['2021.5.20', '2021-05-20'],
    ['2021年5月20日', '2021-05-20'],
    ['2021 年 5 月 20 日', '2021-05-20'],
    ['２０２１年５月２０日', '2021-05-20'],
    ['20210520', '2021-05-20'],
    ['2021-05-20 08:30', '2021-05-20'],
    ['44336', '2021-05-20'],
  ])('reads the text %s', (text, expected) => {
    expect(readDate(text)).toEqual({ ok: true, value: expected });
  });

  it('reads Excel serials (1900 system) and date cells as the calendar day typed', () => {
    expect(readDate(44336)).toEqual({ ok: true, value: '2021-05-20' });
    expect(readDate(44336.75)).toEqual({ ok: true, value: '2021-05-20' });
    expect(readDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(readDate(new Date(Date.UTC(2021, 4, 20)))).toEqual({ ok: true, value: '2021-05-20' });
  });

  it('leaves empty cells empty and refuses what is not a date, saying why', () => {
    expect(readDate(null)).toEqual({ ok: true, value: null });
    expect(readDate('  ')).toEqual({ ok: true, value: null });
    expect(readDate('2021年2月30日')).toEqual({ ok: false, message: '「2021年2月30日」不是存在的日期' });
    expect(readDate('去年五月')).toMatchObject({ ok: false, message: expect.stringContaining('不是可识别的日期') });
    expect(readDate(-3)).toMatchObject({ ok: false });
    expect(readDate(true)).toMatchObject({ ok: false });
  });
});

describe('readNumber', () => {
  it('reads numbers stored as text, full-width digits, thousands separators and a unit', () => {
    expect(readNumber('120')).toEqual({ ok: true, value: 120 });
    expect(readNumber('１２０')).toEqual({ ok: true, value: 120 });
    expect(readNumber('1,200')).toEqual({ ok: true, value: 1200 });
    expect(readNumber(' 35人 ', '人')).toEqual({ ok: true, value: 35 });
    expect(readNumber('113.62')).toEqual({ ok: true, value: 113.62 });
    expect(readNumber(88)).toEqual({ ok: true, value: 88 });
    expect(readNumber('-')).toEqual({ ok: true, value: null });
    expect(readNumber(null)).toEqual({ ok: true, value: null });
  });

  it('refuses text that is not a number', () => {
    expect(readNumber('约50')).toEqual({ ok: false, message: '「约50」不是数字' });
    expect(readNumber('35人')).toEqual({ ok: false, message: '「35人」不是数字' });
  });
});

describe('readYesNo', () => {
  it.each([
    ['是', true],
    ['√', true],
    ['Y', true],
    ['有', true],
    ['否', false],
    ['×', false],
    ['无', false],
    ['N', false],
  ])('%s', (text, expected) => {
    expect(readYesNo(text)).toEqual({ ok: true, value: expected });
  });

  it('leaves empty to the default and refuses anything else', () => {
    expect(readYesNo('')).toEqual({ ok: true, value: undefined });
    expect(readYesNo('待定')).toEqual({ ok: false, message: '「待定」应填“是”或“否”' });
  });
});

describe('cell text and headers', () => {
  it('writes long integers in full (no exponent) and trims text', () => {
    expect(cellText(13800000000)).toBe('13800000000');
    expect(cellText('  张三 ')).toBe('张三');
    expect(cellText(new Date(Date.UTC(2021, 4, 20)))).toBe('2021-05-20');
  });

  it('normalizes headers: spaces, line breaks, full-width brackets and required marks', () => {
    expect(normalizeHeader('所属村\n（社区）*')).toBe('所属村(社区)');
    expect(normalizeHeader(' 统一社会 信用代码 ')).toBe('统一社会信用代码');
  });
});

describe('splitPersonAndPhone', () => {
  it('splits a name followed by a mobile or landline', () => {
    expect(splitPersonAndPhone('张三 13800000000')).toEqual({ name: '张三', phone: '13800000000' });
    expect(splitPersonAndPhone('李四/0769-88881234')).toEqual({ name: '李四', phone: '0769-88881234' });
    expect(splitPersonAndPhone('王五：１３９００００００００')).toEqual({ name: '王五', phone: '13900000000' });
    expect(splitPersonAndPhone('13800000000')).toEqual({ name: null, phone: '13800000000' });
    expect(splitPersonAndPhone('张1 13800000001')).toEqual({ name: '张1', phone: '13800000001' });
    expect(splitPersonAndPhone('陈大文 138 0000 0001')).toEqual({ name: '陈大文', phone: '138 0000 0001' });
    expect(splitPersonAndPhone('赵六')).toEqual({ name: '赵六', phone: null });
    expect(splitPersonAndPhone(null)).toEqual({ name: null, phone: null });
  });
});

describe('readDateTime', () => {
  it.each([
    ['2026-11-23 08:00', '2026-11-23 08:00'],
    ['2026/11/23 8:00', '2026-11-23 08:00'],
    ['2026.11.23 8:30:00', '2026-11-23 08:30'],
    ['2026-11-23T08:05', '2026-11-23 08:05'],
    ['2026年11月23日8时', '2026-11-23 08:00'],
    ['2026年11月23日8时30分', '2026-11-23 08:30'],
    ['2026年11月23日 14:30', '2026-11-23 14:30'],
    ['２０２６年１１月２３日 ８：３０', '2026-11-23 08:30'],
    ['46349.5', '2026-11-23 12:00'],
  ])('reads the text %s', (text, expected) => {
    expect(readDateTime(text)).toEqual({ ok: true, value: expected });
  });

  it('reads Excel date-time cells and serials to the nearest minute', () => {
    expect(readDateTime(new Date(Date.UTC(2026, 10, 23, 8, 0)))).toEqual({ ok: true, value: '2026-11-23 08:00' });
    // Excel stores times as fractions of a day: 07:59:59.99 is what 08:00 often comes back as.
    expect(readDateTime(new Date(Date.UTC(2026, 10, 23, 7, 59, 59, 990)))).toEqual({ ok: true, value: '2026-11-23 08:00' });
    expect(readDateTime(46349 + 8 / 24)).toEqual({ ok: true, value: '2026-11-23 08:00' });
    expect(readDateTime(null)).toEqual({ ok: true, value: null });
    expect(readDateTime('  ')).toEqual({ ok: true, value: null });
  });

  it('refuses a date without a time, a time that does not exist and text it cannot read, saying how to write it', () => {
    expect(readDateTime('2026-11-23')).toEqual({ ok: false, message: expect.stringContaining('「2026-11-23」只有日期，请写明时间（到分钟）') });
    expect(readDateTime('2026-02-30 08:00')).toEqual({ ok: false, message: '「2026-02-30 08:00」不是存在的时间' });
    expect(readDateTime('2026-11-23 24:00')).toEqual({ ok: false, message: '「2026-11-23 24:00」不是存在的时间' });
    expect(readDateTime('下周一上午')).toEqual({ ok: false, message: '「下周一上午」不是可识别的时间（可写作 2026-11-23 08:00、2026/11/23 8:00 或 2026年11月23日8时）' });
    expect(readDateTime(true)).toEqual({ ok: false, message: '应填写时间' });
  });
});
