import { Tag } from 'antd';
import type { IdleSiteDisposal, IdleSiteFinding } from '../../../shared/domain/idleSite';

const findingColors: Record<IdleSiteFinding, string> = {
  无违法: 'green',
  非法储存: 'red',
  非法生产: 'red',
  违规作业: 'volcano',
  其他违法: 'orange',
};

export function FindingTag({ finding }: { finding: IdleSiteFinding }) {
  return (
    <Tag color={findingColors[finding]} style={{ marginInlineEnd: 0 }}>
      {finding}
    </Tag>
  );
}

// 待处置 is the one that still needs the office, so it stands out; finished disposals are quiet.
const disposalColors: Record<IdleSiteDisposal, string> = {
  无需处置: 'default',
  待处置: 'gold',
  停业整顿: 'orange',
  取缔: 'purple',
  关闭: 'geekblue',
  清理完毕: 'cyan',
  贴封条: 'magenta',
};

export function DisposalTag({ disposal }: { disposal: IdleSiteDisposal }) {
  return (
    <Tag color={disposalColors[disposal]} variant={disposal === '待处置' ? 'solid' : undefined} style={{ marginInlineEnd: 0 }}>
      {disposal}
    </Tag>
  );
}

/** A person with their phone, or a dash. */
export function personWithPhone(name: string | null, phone: string | null): string {
  return [name, phone].filter(Boolean).join(' ') || '—';
}
