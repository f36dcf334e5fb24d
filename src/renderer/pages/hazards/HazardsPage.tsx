import { Card, Segmented } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { HazardDetail } from './HazardDetail';
import { HazardList } from './HazardList';
import { HazardStatistics } from './HazardStatistics';
import { InspectionDetail } from './InspectionDetail';
import { InspectionForm } from './InspectionForm';
import { InspectionList } from './InspectionList';
import { OrderDetail } from './OrderDetail';
import { OrderList } from './OrderList';
import './hazards.css';

const views = [
  { value: '/hazards', label: '隐患台账' },
  { value: '/hazards/inspections', label: '检查记录' },
  { value: '/hazards/orders', label: '整改指令书' },
  { value: '/hazards/statistics', label: '统计' },
];

function HazardsHome({ children }: { children: React.ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Card
      variant="borderless"
      title="隐患排查治理"
      extra={<Segmented aria-label="视图" value={location.pathname.replace(/\/$/, '')} options={views} onChange={(path) => navigate(path)} />}
    >
      {children}
    </Card>
  );
}

/**
 * Mounted at /hazards/*: the hazard register, the inspections, the rectification orders and the statistics; one
 * hazard, inspection or order; and the inspection form (a page: it holds several hazards).
 */
export function HazardsPage() {
  return (
    <Routes>
      <Route index element={<HazardsHome><HazardList /></HazardsHome>} />
      <Route path="inspections" element={<HazardsHome><InspectionList /></HazardsHome>} />
      <Route path="orders" element={<HazardsHome><OrderList /></HazardsHome>} />
      <Route path="statistics" element={<HazardsHome><HazardStatistics /></HazardsHome>} />
      <Route path="inspections/new" element={<InspectionForm />} />
      <Route path="inspections/:id" element={<InspectionDetail />} />
      <Route path="orders/:id" element={<OrderDetail />} />
      <Route path=":id" element={<HazardDetail />} />
      <Route path="*" element={<Navigate to="/hazards" replace />} />
    </Routes>
  );
}
