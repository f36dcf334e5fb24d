import { Layout, Menu, Typography } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { SystemStatus } from '../../shared/api/system';
import { StatusContext } from './StatusContext';
import { appModules, homePath } from './modules';
import { canCall } from './permissions';
import { UserMenu } from './UserMenu';

const { Sider, Header, Content } = Layout;

export function AppLayout({ status, onStatusChange }: { status: SystemStatus; onStatusChange: () => void }) {
  const navigate = useNavigate();
  const location = useLocation();
  const modules = appModules.filter((module) => !module.requires || canCall(status.user, module.requires));
  const selected = modules.find((module) => location.pathname.startsWith(module.path))?.path ?? homePath;
  const toItem = (module: (typeof appModules)[number]) => ({ key: module.path, icon: module.icon, label: module.label });

  return (
    <StatusContext.Provider value={{ status, reloadStatus: onStatusChange }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider width={200} theme="light" breakpoint="lg" collapsible>
          <div style={{ padding: '16px 20px', fontSize: 18, fontWeight: 600, color: '#c2410c', whiteSpace: 'nowrap', overflow: 'hidden' }}>
            安监台账
          </div>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            onClick={({ key }) => navigate(key)}
            items={[
              ...modules.filter((module) => !module.system).map(toItem),
              { type: 'divider' },
              ...modules.filter((module) => module.system).map(toItem),
            ]}
          />
        </Sider>
        <Layout>
          <Header
            style={{
              background: '#fff',
              padding: '0 24px',
              borderBottom: '1px solid #f0f0f0',
              height: 56,
              lineHeight: '56px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
            }}
          >
            <Typography.Text strong>{status.orgName}</Typography.Text>
            <UserMenu />
          </Header>
          <Content style={{ margin: 16 }}>
            <Routes>
              {modules.map((module) => (
                <Route key={module.path} path={`${module.path}/*`} element={module.element} />
              ))}
              <Route path="*" element={<Navigate to={homePath} replace />} />
            </Routes>
          </Content>
        </Layout>
      </Layout>
    </StatusContext.Provider>
  );
}
