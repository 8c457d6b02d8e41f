import { createClient } from '@huanjie/client';
import type { App } from '@huanjie/domain';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { LoginState } from './return-path.js';
import { Provider } from 'urql';

interface SessionContextValue {
  app: App;
  /** Drops everything cached for the previous user; call after login and logout. */
  reset: () => void;
}

/** The screen a user signed in with a one-time password must pass first. */
export const SET_PASSWORD_PATH = '/set-password';

const SessionContext = createContext<SessionContextValue | null>(null);

function openSession(app: App) {
  const expired = new EventTarget();
  const client = createClient({
    app,
    onUnauthenticated: () => expired.dispatchEvent(new Event('expired')),
    onPasswordChangeRequired: () => expired.dispatchEvent(new Event('password')),
  });
  return { client, expired };
}

/**
 * The urql client of one app; a missing or expired session sends the user to `/login`, which
 * returns to the page they were on once they have signed in.
 */
export function SessionProvider({ app, children }: { app: App; children: ReactNode }) {
  const navigate = useNavigate();
  // the page the user is on when the session turns out missing: the login returns there
  const location = useLocation();
  const here = `${location.pathname}${location.search}${location.hash}`;
  const [session, setSession] = useState(() => openSession(app));
  const reset = useCallback(() => {
    setSession(openSession(app));
  }, [app]);

  useEffect(() => {
    const onExpired = () => {
      reset();
      const from = here;
      const state: LoginState | null = from.startsWith('/login') ? null : { from };
      void navigate('/login', { replace: true, state });
    };
    // signed in with a one-time password: nothing works until a new one is set
    const onPassword = () => {
      void navigate(SET_PASSWORD_PATH, { replace: true });
    };
    session.expired.addEventListener('expired', onExpired);
    session.expired.addEventListener('password', onPassword);
    return () => {
      session.expired.removeEventListener('expired', onExpired);
      session.expired.removeEventListener('password', onPassword);
    };
  }, [session, reset, navigate, here]);

  const value = useMemo(() => ({ app, reset }), [app, reset]);
  return (
    <SessionContext value={value}>
      <Provider value={session.client}>{children}</Provider>
    </SessionContext>
  );
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
