import { Navigate, Route, Routes } from 'react-router-dom';
import { TankDetail } from './TankDetail';
import { TankList } from './TankList';
import '../enterprises/enterprises.css';
import './tanks.css';

/** Mounted at /tanks/*: the register at /tanks, one tank at /tanks/:id. */
export function TanksPage() {
  return (
    <Routes>
      <Route index element={<TankList />} />
      <Route path=":id" element={<TankDetail />} />
      <Route path="*" element={<Navigate to="/tanks" replace />} />
    </Routes>
  );
}
