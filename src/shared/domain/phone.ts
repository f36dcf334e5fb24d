/**
 * Phone numbers as staff write them: mainland mobiles (11 digits starting 1[3-9]) and landlines with an
 * optional area code and extension (0769-85123456, 85123456, 0769-85123456-801). Spaces are tolerated.
 */
const mobilePattern = /^1[3-9]\d{9}$/;
const landlinePattern = /^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$/;

export function normalizePhone(raw: string): string {
  return raw.replace(/[\s\u3000]/g, '').replace(/[－—]/g, '-');
}

export function isValidPhone(raw: string): boolean {
  const phone = normalizePhone(raw);
  return mobilePattern.test(phone) || landlinePattern.test(phone);
}

export const phoneHint = '请填写 11 位手机号或固定电话（如 0769-85123456）';
