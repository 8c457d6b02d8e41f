import { Button, Result, Spin } from 'antd';
import { Link } from 'react-router';
import { pageErrorKey, useT } from '@huanjie/ui';

export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin size="large" />
    </div>
  );
}

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
