import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { pageErrorKey, useT } from '@huanjie/ui';

export { PageLoading } from './page-loading.js';

/** A failed page query, shown by its error code (FORBIDDEN, NOT_FOUND, …). */
export function PageError({ code }: { code: string }) {
  const t = useT();
  return (
    <div data-testid="page-error" data-code={code}>
      <Result
        status="warning"
        title={t(pageErrorKey(code))}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    </div>
  );
}
