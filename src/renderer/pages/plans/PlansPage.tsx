import { Card, Segmented } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { DrillDetail } from './DrillDetail';
import { DrillList } from './DrillList';
import { PlanFilingDesk } from './FilingDesk';
import { PlanDetail } from './PlanDetail';
import { PlanList } from './PlanList';
import { ReminderList } from './ReminderList';
import './plans.css';

const views = [
  { value: '/plans', label: '预案台账' },
  { value: '/plans/filings', label: '备案登记' },
  { value: '/plans/drills', label: '演练记录' },
  { value: '/plans/reminders', label: '到期提醒' },
];

function PlansHome({ children }: { children: React.ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Card
      variant="borderless"
      title="应急预案与演练"
      extra={<Segmented aria-label="视图" value={location.pathname} options={views} onChange={(path) => navigate(path)} />}
    >
      {children}
    </Card>
  );
}

/** Mounted at /plans/*: the plan register, the 备案 desk, the drills, the reminders, one plan and one drill. */
export function PlansPage() {
  return (
    <Routes>
      <Route index element={<PlansHome><PlanList /></PlansHome>} />
      <Route path="filings" element={<PlansHome><PlanFilingDesk /></PlansHome>} />
      <Route path="drills" element={<PlansHome><DrillList /></PlansHome>} />
      <Route path="reminders" element={<PlansHome><ReminderList /></PlansHome>} />
      <Route path="drills/:id" element={<DrillDetail />} />
      <Route path=":id" element={<PlanDetail />} />
      <Route path="*" element={<Navigate to="/plans" replace />} />
    </Routes>
  );
}
