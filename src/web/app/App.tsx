import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { AuthProvider } from './auth-context.tsx';
import { queryClient } from './query-client.ts';
import { AppRoutes } from './router.tsx';
import { theme } from './theme.ts';

dayjs.locale('zh-cn');

/**
 * Providers: antd (zh_CN, theme, App for message/modal), React Query, auth, router.
 * Buttons keep their text as written ("登录", not antd's spaced "登 录") so labels read the same everywhere.
 */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider fallback={<FullPageSpin />}>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
