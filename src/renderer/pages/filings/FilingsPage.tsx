import { Card, Segmented } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { FilingBoard } from './FilingBoard';
import { FilingCalendar } from './FilingCalendar';
import { FilingDetail } from './FilingDetail';
import { FilingForm } from './FilingForm';
import { FilingList } from './FilingList';
import './filings.css';

const views = [
  { value: '/filings', label: '今日作业' },
  { value: '/filings/list', label: '登记台账' },
  { value: '/filings/calendar', label: '作业日历' },
];

/** The three views of the filings, one switch above them. */
function FilingsHome({ children }: { children: React.ReactNode }) {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <Card
      variant="borderless"
      title="特殊作业报备"
      extra={<Segmented aria-label="视图" value={location.pathname} options={views} onChange={(path) => navigate(path)} />}
    >
      {children}
    </Card>
  );
}

/** Mounted at /filings/*: the board, the register, the calendar, the form and one filing. */
export function FilingsPage() {
  return (
    <Routes>
      <Route index element={<FilingsHome><FilingBoard /></FilingsHome>} />
      <Route path="list" element={<FilingsHome><FilingList /></FilingsHome>} />
      <Route path="calendar" element={<FilingsHome><FilingCalendar /></FilingsHome>} />
      <Route path="new" element={<FilingForm />} />
      <Route path=":id/edit" element={<FilingForm />} />
      <Route path=":id" element={<FilingDetail />} />
      <Route path="*" element={<Navigate to="/filings" replace />} />
    </Routes>
  );
}
