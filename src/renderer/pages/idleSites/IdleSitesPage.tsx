import { Navigate, Route, Routes } from 'react-router-dom';
import { IdleSiteDetail } from './IdleSiteDetail';
import { IdleSiteList } from './IdleSiteList';
import './idleSites.css';

/** Mounted at /idle-sites/*: the list at /idle-sites, one site's page at /idle-sites/:id. */
export function IdleSitesPage() {
  return (
    <Routes>
      <Route index element={<IdleSiteList />} />
      <Route path=":id" element={<IdleSiteDetail />} />
      <Route path="*" element={<Navigate to="/idle-sites" replace />} />
    </Routes>
  );
}
