import { Navigate, Route, Routes } from 'react-router-dom';
import { EnterpriseList } from './EnterpriseList';
import { EnterpriseProfile } from './EnterpriseProfile';
import './enterprises.css';

/** Mounted at /enterprises/*: the list at /enterprises, one enterprise's profile (一企一档) at /enterprises/:id. */
export function EnterprisesPage() {
  return (
    <Routes>
      <Route index element={<EnterpriseList />} />
      <Route path=":id" element={<EnterpriseProfile />} />
      <Route path="*" element={<Navigate to="/enterprises" replace />} />
    </Routes>
  );
}
