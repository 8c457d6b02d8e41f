import type { App } from '@huanjie/domain';
import { useEffect, type ReactNode } from 'react';
import { LanguageProvider, useT } from './i18n/language.js';
import { SessionProvider } from './session/session-provider.js';

/** Language and session for one app; render inside the router. */
export function AppProviders({ app, children }: { app: App; children: ReactNode }) {
  return (
    <LanguageProvider>
      <SessionProvider app={app}>
        <DocumentTitle app={app} />
        {children}
      </SessionProvider>
    </LanguageProvider>
  );
}

export function useAppTitle(app: App): string {
  const t = useT();
  return t(`app.title.${app}`);
}

function DocumentTitle({ app }: { app: App }) {
  const title = useAppTitle(app);
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}
