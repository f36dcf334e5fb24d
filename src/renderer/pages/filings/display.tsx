import { Tag, Tooltip } from 'antd';
import type { FilingRow } from '../../../shared/api/filings';
import type { FilingStatus, SpecialWorkKind } from '../../../shared/domain/specialWork';

const statusColors: Record<FilingStatus, string> = {
  待审核: 'gold',
  待现场核查: 'orange',
  准予作业: 'blue',
  作业中: 'processing',
  已完工: 'green',
  驳回: 'red',
  撤销: 'default',
  逾期未完工: 'magenta',
};

export function FilingStatusTag({ status }: { status: FilingStatus }) {
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
      {status}
    </Tag>
  );
}

/** Hot work stands out: it is what the office watches most. */
const kindColors: Partial<Record<SpecialWorkKind, string>> = { 动火: 'volcano', 切割: 'volcano', 受限空间: 'purple', 吊装: 'cyan', 高处: 'geekblue' };

export function FilingKindTag({ kind, grade }: { kind: SpecialWorkKind; grade?: string | null }) {
  return (
    <Tag color={kindColors[kind] ?? 'default'} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {kind}
      {grade ? ` ${grade}` : ''}
    </Tag>
  );
}

export const flagLabels: Record<FilingRow['flags'][number], { text: string; hint: string }> = {
  unapprovedStarted: { text: '未批先干', hint: '已到计划开始时间，但尚未准予作业' },
  pastWindow: { text: '超时未关闭', hint: '已过计划结束时间，仍未完工复查' },
};

/** The board flags of a row, red, with what they mean on hover. */
export function FilingFlags({ row }: { row: Pick<FilingRow, 'flags' | 'warningCount'> }) {
  return (
    <>
      {row.flags.map((flag) => (
        <Tooltip key={flag} title={flagLabels[flag].hint}>
          <Tag color="error" style={{ marginInlineEnd: 4 }}>
            {flagLabels[flag].text}
          </Tag>
        </Tooltip>
      ))}
      {row.warningCount > 0 && (
        <Tooltip title="报备时有提醒（如节假日、夜间、同时段动火），已说明理由">
          <Tag color="warning" style={{ marginInlineEnd: 0 }}>
            提醒 {row.warningCount}
          </Tag>
        </Tooltip>
      )}
    </>
  );
}

/** “11-23 08:00 — 16:00” when the window is one day, full dates otherwise. */
export function windowText(start: string, end: string): string {
  if (start.slice(0, 10) === end.slice(0, 10)) return `${start.slice(5)} — ${end.slice(11)}`;
  return `${start.slice(5)} — ${end.slice(5)}`;
}
