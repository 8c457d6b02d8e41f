import { ConfigProvider } from 'antd';
// antd/es: antd/locale/* re-export the CommonJS build (antd/lib), a second copy in the first load
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';
import { useLanguage } from '@huanjie/ui';
import './desktop.css';

const THEME = { token: { colorPrimary: '#c8161d' } };

export function DesktopTheme({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={THEME}>
      {children}
    </ConfigProvider>
  );
}
