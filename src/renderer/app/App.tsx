import { Button, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { sessionStore } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { LoginPage } from '../pages/login/LoginPage';
import { SetupPage } from '../pages/setup/SetupPage';
import { AppLayout } from './AppLayout';

/** Decides between the first-run screen, the login screen and the app, from the backend's status. */
export function App() {
  const status = useApiQuery('system.status', {});
  const { reload } = status;
  // Logging in or out (or the backend forgetting the session) changes who the status belongs to.
  useEffect(() => sessionStore.subscribe(reload), [reload]);

  if (status.error && !status.data) {
    return (
      <Result status="error" title="无法连接到程序后台" subTitle={status.error.message} extra={<Button onClick={reload}>重试</Button>} />
    );
  }
  if (!status.data) return <Spin size="large" fullscreen tip="正在加载…" />;
  if (!status.data.setupDone) return <SetupPage onDone={reload} />;
  if (!status.data.user) return <LoginPage orgName={status.data.orgName} />;
  return <AppLayout status={status.data} onStatusChange={reload} />;
}
