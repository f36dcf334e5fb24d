import { Button, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { sessionStore } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { LoginPage } from '../pages/login/LoginPage';
import { SetupPage } from '../pages/setup/SetupPage';
import { FilingSheetView } from '../print/FilingSheetView';
import { MajorHazardNoticeView } from '../print/MajorHazardNoticeView';
import { MapPrintView } from '../print/MapPrintView';
import { OrderSheetView } from '../print/OrderSheetView';
import { PrintView } from '../print/PrintView';
import { ReportPrintView } from '../print/ReportPrintView';
import { AppLayout } from './AppLayout';

/** Decides between the first-run screen, the login screen and the app, from the backend's status. */
export function App() {
  const status = useApiQuery('system.status', {});
  const { reload } = status;
  const location = useLocation();
  const printing = location.pathname.startsWith('/print/');
  const loggedOut = !!status.data && !status.data.user;
  // Logging in or out (or the backend forgetting the session) changes who the status belongs to.
  useEffect(() => sessionStore.subscribe(reload), [reload]);

  // A print view opened without a session (e.g. in a window that has not logged in) says so at once, so whoever
  // waits for it to be ready (Electron's hidden print window) fails with a reason instead of timing out.
  useEffect(() => {
    if (!printing || !loggedOut) return undefined;
    document.body.dataset.printReady = 'error';
    document.body.dataset.printError = '未登录或登录已过期，请登录后重新打印。';
    return () => {
      delete document.body.dataset.printReady;
      delete document.body.dataset.printError;
    };
  }, [printing, loggedOut]);

  if (status.error && !status.data) {
    return (
      <Result status="error" title="无法连接到程序后台" subTitle={status.error.message} extra={<Button onClick={reload}>重试</Button>} />
    );
  }
  if (!status.data) return <Spin size="large" fullscreen tip="正在加载…" />;
  if (!status.data.setupDone) return <SetupPage onDone={reload} />;
  if (!status.data.user) return <LoginPage orgName={status.data.orgName} />;
  // Print views are paper documents: no sidebar or header around them.
  if (printing) {
    return (
      <Routes>
        {/* Two segments, so `/print/:ledger` never takes it; listed first all the same. */}
        <Route path="/print/filing/:id" element={<FilingSheetView />} />
        <Route path="/print/order/:id" element={<OrderSheetView />} />
        <Route path="/print/order-review/:id" element={<OrderSheetView review />} />
        {/* A static segment outranks `:ledger` whatever the order. */}
        <Route path="/print/major-hazard-notice" element={<MajorHazardNoticeView />} />
        <Route path="/print/map" element={<MapPrintView />} />
        <Route path="/print/report" element={<ReportPrintView />} />
        <Route path="/print/:ledger" element={<PrintView />} />
        <Route path="*" element={<Result status="404" title="没有这个打印页面" />} />
      </Routes>
    );
  }
  return <AppLayout status={status.data} onStatusChange={reload} />;
}
