import { Button, DotLoading, Result } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { pageErrorKey, useT } from '@huanjie/ui';

export function PageLoading() {
  return (
    <div className="hj-m-center">
      <DotLoading color="primary" />
    </div>
  );
}

/** A failed page query, shown by its error code (FORBIDDEN, NOT_FOUND, …). */
export function PageError({ code }: { code: string }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div data-testid="page-error" data-code={code}>
      <Result status="warning" title={t(pageErrorKey(code))} />
      <div className="hj-m-actions">
        <Button block onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      </div>
    </div>
  );
}

export function PageNotice({ text, testId }: { text: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <Result status="info" title={text} />
    </div>
  );
}
