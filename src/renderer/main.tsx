import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { App } from './app/App';
import './styles.css';

dayjs.locale('zh-cn');

const fontFamily =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

/**
 * Honours the system's “reduce motion” setting (Windows: 显示动画 off): antd's opening, closing and wave animations
 * are skipped, so dialogs and menus appear at once — kinder to the office's older PCs, and what the e2e browser asks for.
 */
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      wave={{ disabled: reducedMotion }}
      theme={{ token: { fontFamily, colorPrimary: '#c2410c', borderRadius: 4, motion: !reducedMotion } }}
    >
      <AntApp>
        <HashRouter>
          <App />
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
