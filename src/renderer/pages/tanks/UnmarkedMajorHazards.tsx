import { Alert, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/useApi';

const shown = 8;

/**
 * Enterprises whose tank farms reach S = Σq/Q ≥ 1 (GB 18218-2018) by the tanks' largest stored quantities and
 * the catalogue's Q, but are not marked 重大危险源 in their record: the office should check and correct them.
 */
export function UnmarkedMajorHazards({ version }: { version: number }) {
  const units = useApiQuery('tanks.majorHazards', {});
  const { reload } = units;
  // Written tanks (a new one, a status change) may change the verdict: count again after each write.
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const enterprises = useMemo(() => {
    const flagged = new Map<number, { name: string; farms: string[]; ratio: number }>();
    for (const unit of units.data ?? []) {
      if (!unit.isMajorHazard || unit.markedMajorHazard) continue;
      const entry = flagged.get(unit.enterpriseId) ?? { name: unit.enterpriseName, farms: [], ratio: 0 };
      entry.farms.push(unit.tankFarm);
      entry.ratio = Math.max(entry.ratio, unit.ratioSum);
      flagged.set(unit.enterpriseId, entry);
    }
    return [...flagged.entries()].sort((a, b) => b[1].ratio - a[1].ratio);
  }, [units.data]);
  if (enterprises.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`全镇按储罐最大储存量和化学品目录中的临界量，${enterprises.length} 家企业构成重大危险源（S ≥ 1）但未标记为重大危险源，请核实并更正企业档案`}
      description={
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {enterprises.slice(0, shown).map(([id, entry], index) => (
            <span key={id}>
              {index > 0 && '、'}
              <Link to={`/enterprises/${id}?tab=tanks`}>{entry.name}</Link>（{entry.farms.join('、')}，S={entry.ratio.toFixed(2)}）
            </span>
          ))}
          {enterprises.length > shown && ` 等 ${enterprises.length} 家`}
        </Typography.Paragraph>
      }
    />
  );
}
