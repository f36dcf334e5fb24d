/**
 * Word pools and builders for the demo town's people, phones, codes and enterprise names. Everything here
 * is fictional; pools avoid polyphonic characters (行, 长, 重, 乐 …) so the pinyin initials of a name are the
 * initials of its parts, which lets the generator work them out once per part instead of once per name.
 */
import { usccCharset, usccCheckChar } from '../../../shared/domain/uscc';
import { nameInitials } from '../enterprises/initials';
import { intBetween, pick, weightedPick } from './random';

type Random = () => number;

// Surnames weighted roughly as they occur in the Pearl River Delta.
const surnames: [string, number][] = [
  ['陈', 12], ['李', 8], ['黄', 8], ['张', 6], ['梁', 5], ['林', 5], ['刘', 5], ['吴', 4], ['罗', 4], ['何', 4],
  ['郑', 3], ['王', 3], ['周', 3], ['叶', 3], ['钟', 3], ['邓', 3], ['谢', 3], ['蔡', 2], ['杨', 2], ['许', 2],
  ['卢', 2], ['莫', 2], ['袁', 2], ['朱', 2], ['冯', 2], ['彭', 2], ['潘', 1], ['苏', 1], ['方', 1], ['陆', 1],
  ['郭', 1], ['麦', 1], ['徐', 1], ['江', 1], ['邱', 1], ['胡', 1], ['余', 1], ['古', 1], ['温', 1], ['赖', 1],
];
const givenFirst = '志国建永家伟振海文少俊嘉锦德明惠丽美秀淑晓玉雪婉慧思佩子'.split('');
const givenSecond = '强华平军明辉斌杰豪荣林波峰东生成雄芳玲英燕红霞婷琳娟敏珍仪莹欣'.split('');

/** A Chinese personal name: surname plus one (a quarter of people) or two given characters. */
export function personName(random: Random): string {
  const surname = weightedPick(random, surnames, ([, weight]) => weight)[0];
  if (random() < 0.25) return surname + pick(random, givenSecond);
  return surname + pick(random, givenFirst) + pick(random, givenSecond);
}

const mobilePrefixes = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158',
  '159', '176', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '198', '199',
];

export function mobilePhone(random: Random): string {
  return pick(random, mobilePrefixes) + String(intBetween(random, 0, 99_999_999)).padStart(8, '0');
}

/** A 东莞 (0769) landline, as an office switchboard number. */
export function landlinePhone(random: Random): string {
  return `0769-${pick(random, ['8', '2'])}${String(intBetween(random, 0, 9_999_999)).padStart(7, '0')}`;
}

/** USCC prefixes: 9 = 市场监管 registration, then 1 企业 / 2 个体工商户 / 3 农民专业合作社. */
export type UsccKind = '91' | '92' | '93';
const divisionCode = '441900';
const newStyleHeads = ['MA4U', 'MA4W', 'MA4X', 'MA51', 'MA52', 'MA53', 'MA54', 'MA55', 'MA56'];

function charsFrom(random: Random, charset: string, count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += charset[Math.floor(random() * charset.length)];
  return text;
}

/**
 * A valid code of the given kind. The 9-character body looks like a real one: `MA…` for entities registered
 * since 2015, an old 8-digit organisation code plus its check character, or `L…` for some 个体工商户.
 */
export function uscc(random: Random, kind: UsccKind): string {
  const style = random();
  let body: string;
  if (kind === '92' && style < 0.5) body = `L${charsFrom(random, usccCharset, 8)}`;
  else if (style < 0.65) body = pick(random, newStyleHeads) + charsFrom(random, usccCharset, 5);
  else body = charsFrom(random, '0123456789', 8) + charsFrom(random, '0123456789X', 1);
  const first17 = kind + divisionCode + body;
  return first17 + usccCheckChar(first17);
}

/** Memoised pinyin initials of a name part: pinyin-pro costs ~80 µs a call, too slow for 50,000 names. */
const partInitials = new Map<string, string>();
export function initialsOf(part: string): string {
  let initials = partInitials.get(part);
  if (initials === undefined) {
    initials = nameInitials(part);
    partInitials.set(part, initials);
  }
  return initials;
}

// 字号 (trade names) are two auspicious characters, as most small firms choose.
const brandFirst = '鸿宏华荣盛兴泰恒利信源丰佳顺新金永隆昌嘉瑞富德祥锦创联凯明裕广汇海辉志正鑫东南骏威'.split('');
const brandSecond = '达发盛兴泰昌丰利源华信隆辉宝成富祥盈益星锋晖科美丽通'.split('');

export function brand(random: Random): string {
  let second = pick(random, brandSecond);
  const first = pick(random, brandFirst);
  while (second === first) second = pick(random, brandSecond);
  return first + second;
}
