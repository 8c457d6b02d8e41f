import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import type { ReactNode } from 'react';
import { useLanguage } from '@huanjie/ui';
import './mobile.css';
import './react19-render.js';

export function MobileTheme({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  return <ConfigProvider locale={language === 'zh' ? zhCN : enUS}>{children}</ConfigProvider>;
}
