import { Card } from 'antd';
import { Link } from 'react-router-dom';
import type { WorkbenchFigures } from '../../../shared/api/workbench';

interface Figure {
  label: string;
  value: string;
  unit: string;
  tone?: 'good' | 'bad';
}

function figuresOf(data: WorkbenchFigures): Figure[] {
  const rate = data.rectificationRate;
  return [
    { label: '检查企业', value: data.inspections.toLocaleString('zh-CN'), unit: '家次' },
    { label: '下达指令书', value: data.orders.toLocaleString('zh-CN'), unit: '份' },
    { label: '查出隐患', value: data.hazardsFound.toLocaleString('zh-CN'), unit: '条' },
    { label: '已整改', value: data.hazardsRectified.toLocaleString('zh-CN'), unit: '条' },
    { label: '整改率', value: rate === null ? '–' : String(rate), unit: rate === null ? '' : '%', tone: rate === null ? undefined : rate < 60 ? 'bad' : rate >= 90 ? 'good' : undefined },
    { label: '特殊作业报备', value: data.filings.toLocaleString('zh-CN'), unit: '件' },
    { label: '应急演练', value: data.drills.toLocaleString('zh-CN'), unit: '场' },
    { label: '演练参与', value: data.drillParticipants.toLocaleString('zh-CN'), unit: '人次' },
  ];
}

/**
 * A period's key figures (本月 or 本年), counted as 隐患统计 counts them; the title opens that page for the same
 * period, where every hazard count leads on to its list.
 */
export function KeyFigures({ title, period, data }: { title: string; period: 'month' | 'year'; data: WorkbenchFigures }) {
  return (
    <Card
      size="small"
      className="workbench-figures"
      title={title}
      data-testid={`figures-${period}`}
      extra={
        <Link to={period === 'month' ? '/hazards/statistics?period=month' : '/hazards/statistics'} className="workbench-muted-link">
          {data.from} 至 {data.to}
        </Link>
      }
    >
      <div className="workbench-figure-grid">
        {figuresOf(data).map((figure) => (
          <div key={figure.label} className={`workbench-figure${figure.tone ? ` tone-${figure.tone}` : ''}`} data-figure={figure.label}>
            <div className="workbench-figure-label">{figure.label}</div>
            <div className="workbench-figure-value">
              {figure.value}
              {figure.unit && <span className="workbench-figure-unit">{figure.unit}</span>}
            </div>
          </div>
        ))}
      </div>
    </Card>
  );
}
