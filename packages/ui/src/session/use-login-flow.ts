import { useLogin, type LoginResult } from '@huanjie/client';
import { APPS, type App } from '@huanjie/domain';
import { useCallback, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Translate } from '../i18n/language.js';
import { useLanguage, useT } from '../i18n/language.js';
import type { Language } from '../i18n/messages.js';
import { returnPath } from './return-path.js';
import { SET_PASSWORD_PATH, useSession } from './session-provider.js';

export type LoginFailure = Exclude<LoginResult, { __typename: 'LoginSuccess' }>;

export interface LoginErrorView {
  message: string;
  /** For WrongAppError: the app this account belongs to. */
  useApp: App | null;
}

/** A refused login as the page shows it: the API's Chinese message, or our English one. */
export function loginErrorView(
  failure: LoginFailure,
  language: Language,
  t: Translate,
): LoginErrorView {
  const useApp = failure.__typename === 'WrongAppError' ? parseApp(failure.expectedApp) : null;
  return { message: language === 'zh' ? failure.message : englishMessage(failure, t), useApp };
}

function englishMessage(failure: LoginFailure, t: Translate): string {
  switch (failure.__typename) {
    case 'RateLimitedError':
      return t('login.error.RateLimitedError', {
        minutes: Math.ceil(failure.retryAfterSeconds / 60),
      });
    case 'WrongAppError':
    case 'InvalidCredentialsError':
    case 'ValidationError':
      return t(`login.error.${failure.__typename}`);
  }
}

// expectedApp is typed String in the schema, not the App enum.
function parseApp(value: string): App | null {
  return APPS.find((app) => app === value) ?? null;
}

/**
 * Submits the login form; on success starts a fresh session and opens the page the user was sent
 * here from (a deep link), else the home page.
 */
export function useLoginFlow() {
  const { app, reset } = useSession();
  const { login, fetching } = useLogin(app);
  const { language } = useLanguage();
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const target = returnPath(location.state);
  const [error, setError] = useState<LoginErrorView | null>(null);

  const submit = useCallback(
    async (username: string, password: string) => {
      setError(null);
      try {
        const result = await login(username.trim(), password);
        if (result.__typename === 'LoginSuccess') {
          reset();
          void navigate(result.user.mustChangePassword ? SET_PASSWORD_PATH : target, {
            replace: true,
          });
          return;
        }
        setError(loginErrorView(result, language, t));
      } catch {
        setError({ message: t('login.failed'), useApp: null });
      }
    },
    [login, reset, navigate, target, language, t],
  );
  return { submit, fetching, error };
}
