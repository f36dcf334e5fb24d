import { Button, Result, Spin } from 'antd';
import { useApiQuery } from '../api/useApi';
import { SetupPage } from '../pages/setup/SetupPage';
import { AppLayout } from './AppLayout';

/** Decides between the first-run screen and the app, from the backend's status. */
export function App() {
  const status = useApiQuery('system.status', {});
  if (status.error && !status.data) {
    return (
      <Result
        status="error"
        title="无法连接到程序后台"
        subTitle={status.error.message}
        extra={<Button onClick={status.reload}>重试</Button>}
      />
    );
  }
  if (!status.data) return <Spin size="large" fullscreen tip="正在加载…" />;
  if (!status.data.setupDone) return <SetupPage onDone={status.reload} />;
  return <AppLayout status={status.data} onStatusChange={status.reload} />;
}
