import { Tag } from 'antd';
import {
  riskLevelLabels,
  type EnterpriseStatus,
  type RiskLevel,
} from '../../../shared/domain/enterprise';

/** antd preset colours for 四色风险; antd's "yellow" is too pale to read on white, so yellow shows as gold. */
export const riskTagColors: Record<RiskLevel, string> = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' };

export function RiskTag({ level }: { level: RiskLevel }) {
  return (
    <Tag color={riskTagColors[level]} variant="solid" style={{ marginInlineEnd: 0 }}>
      {riskLevelLabels[level]}
    </Tag>
  );
}

const statusColors: Record<EnterpriseStatus, string> = { 在产: 'green', 停产: 'orange', 关闭: 'default', 注销: 'default' };

export function StatusTag({ status }: { status: EnterpriseStatus }) {
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
      {status}
    </Tag>
  );
}

export function formatCount(value: number | null): string {
  return value === null ? '' : value.toLocaleString('zh-CN');
}

/** A person with their phone, as the header and the table show them. */
export function personWithPhone(name: string | null, phone: string | null): string {
  return [name, phone].filter(Boolean).join(' ') || '—';
}
