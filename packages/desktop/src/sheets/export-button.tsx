import { useSession } from '@huanjie/ui';
import { Button, message } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useT } from '../i18n.js';
import type { ExportFormat, ExportParams } from './export-download.js';
import { ExportRefused, downloadExport } from './export-download.js';

/**
 * "导出 Excel": downloads the server's xlsx of a table with the filters the screen shows
 * (`params`). Test id: `${testId}` (the button).
 */
export function ExportButton({
  name,
  params,
  testId,
  format = 'xlsx',
  type,
  disabled,
  children,
}: {
  /** The export, e.g. "overview" for /exports/overview.xlsx. */
  name: string;
  params: ExportParams;
  testId: string;
  /** docx for a Word document (the 工作总结). */
  format?: ExportFormat;
  type?: 'primary' | 'default';
  disabled?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const { app } = useSession();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      data-testid={testId}
      type={type}
      disabled={disabled}
      loading={busy}
      onClick={() => {
        setBusy(true);
        downloadExport(app, name, params, format)
          .catch((error: unknown) => {
            void message.error(
              error instanceof ExportRefused
                ? t('desktop.export.refused', { reason: error.message })
                : t('desktop.export.failed'),
            );
          })
          .finally(() => {
            setBusy(false);
          });
      }}
    >
      {children ?? t('desktop.export.button')}
    </Button>
  );
}
