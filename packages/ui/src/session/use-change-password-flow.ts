import { useChangePassword } from '@huanjie/client';
import { PASSWORD_MIN_LENGTH } from '@huanjie/domain';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLanguage, useT } from '../i18n/language.js';
import { useSession } from './session-provider.js';

export interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/**
 * Submits a password change: the current password (or the one-time one), the new one twice. The
 * API checks the policy and answers in Chinese naming each rule; in English the page says the
 * rules itself. On success the cached data is dropped and the home page opens.
 */
export function useChangePasswordFlow() {
  const { change, fetching } = useChangePassword();
  const { reset } = useSession();
  const { language } = useLanguage();
  const t = useT();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState(false);

  const submit = useCallback(
    async ({ currentPassword, newPassword, repeat }: ChangePasswordForm) => {
      setProblems([]);
      if (newPassword !== repeat) {
        setProblems([t('password.mismatch')]);
        return;
      }
      try {
        const result = await change(currentPassword, newPassword);
        if (result.__typename === 'PasswordChanged') {
          setDone(true);
          reset();
          void navigate('/', { replace: true });
          return;
        }
        const issues = result.__typename === 'ValidationError' ? result.issues : [];
        setProblems(
          language === 'zh'
            ? issues.length > 0
              ? issues.map((i) => i.message)
              : [result.message]
            : [t('password.rejected', { min: PASSWORD_MIN_LENGTH })],
        );
      } catch {
        setProblems([t('password.failed')]);
      }
    },
    [change, reset, navigate, language, t],
  );
  return { submit, fetching, problems, done };
}
