import { pinyin } from 'pinyin-pro';

/** Pinyin initials of a name, lower-case letters and digits only: 虎门制鞋有限公司 → hmzxyxgs. */
export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', separator: '', nonZh: 'consecutive' })
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
