import { useLogout } from '@huanjie/client';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from './session-provider.js';

/** Ends the session on the server, forgets cached data and returns to the login page. */
export function useLogoutFlow() {
  const { logout, fetching } = useLogout();
  const { reset } = useSession();
  const navigate = useNavigate();
  const run = useCallback(async () => {
    await logout();
    void navigate('/login', { replace: true });
    reset();
  }, [logout, navigate, reset]);
  return { logout: run, fetching };
}
