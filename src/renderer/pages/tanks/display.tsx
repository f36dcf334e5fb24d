import { Tag } from 'antd';
import type { Tank } from '../../../shared/api/tanks';
import type { TankCategory, TankStatus } from '../../../shared/domain/tank';

const statusColors: Record<TankStatus, string> = { 在用: 'green', 停用: 'orange', 闲置: 'gold', 已清空: 'blue', 已拆除: 'default' };

export function TankStatusTag({ status }: { status: TankStatus }) {
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
      {status}
    </Tag>
  );
}

const categoryColors: Record<TankCategory, string> = { 危化品企业储罐: 'red', 一般化工企业储罐: 'geekblue', 四闲场所储罐: 'purple' };

/** The category names as seed 000 counts them, shortened where a table cell has little room. */
export const categoryShortLabels: Record<TankCategory, string> = { 危化品企业储罐: '危化品企业', 一般化工企业储罐: '一般化工企业', 四闲场所储罐: '四闲场所' };

export function TankCategoryTag({ category, short = false }: { category: TankCategory; short?: boolean }) {
  return (
    <Tag color={categoryColors[category]} variant="outlined" style={{ marginInlineEnd: 0 }}>
      {short ? categoryShortLabels[category] : category}
    </Tag>
  );
}

/**
 * The two checks seed 000 promises for every tank (公开标识, 专人盯靠), shown only where they are missing so a
 * row that needs attention stands out. A removed tank no longer needs either.
 */
export function MissingChecks({ tank }: { tank: Pick<Tank, 'publicLabel' | 'responsibleName' | 'status'> }) {
  if (tank.status === '已拆除' || (tank.publicLabel && tank.responsibleName)) return null;
  return (
    <span className="missing-checks">
      {!tank.publicLabel && (
        <Tag color="warning" style={{ marginInlineEnd: 0 }}>
          未公开标识
        </Tag>
      )}
      {!tank.responsibleName && (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          无专人盯靠
        </Tag>
      )}
    </span>
  );
}

/** A quantity with its unit, or — when not recorded. */
export function amount(value: number | null, unit: string): string {
  return value === null ? '—' : `${value.toLocaleString('zh-CN', { maximumFractionDigits: 3 })} ${unit}`;
}

/** Where a tank's owner is shown: an enterprise's profile, or the idle site's page. */
export function ownerPath(tank: Pick<Tank, 'enterpriseId' | 'idleSiteId'>): string {
  return tank.enterpriseId !== null ? `/enterprises/${tank.enterpriseId}` : `/idle-sites/${tank.idleSiteId}`;
}
