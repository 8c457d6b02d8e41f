import { sheetUploadProblem } from '@huanjie/domain';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useRef, useState } from 'react';
import { readFileAsBase64 } from './sheet-files.js';

/**
 * The button an all-or-nothing spreadsheet import (roster, previous term) starts from: it picks one
 * .xlsx, refuses a file the import will not take (empty, over the limit) before reading it, and
 * hands the rest over as base64. Test ids: `${testId}-import` (the button), `${testId}-file`.
 */
export function SheetUploadButton({
  testId,
  children,
  busyLabel,
  primary = false,
  onRefused,
  onPicked,
}: {
  testId: string;
  children: ReactNode;
  busyLabel?: ReactNode;
  primary?: boolean;
  onRefused: (message: string) => void;
  onPicked: (contentBase64: string) => Promise<void>;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const take = async (file: File) => {
    const problem = sheetUploadProblem(file);
    try {
      if (problem) onRefused(problem);
      else {
        setBusy(true);
        await onPicked(await readFileAsBase64(file));
      }
    } finally {
      setBusy(false);
      // the same file picked again (after fixing it) must fire a change
      if (input.current) input.current.value = '';
    }
  };

  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        loading={busy}
        onClick={() => input.current?.click()}
        data-testid={`${testId}-import`}
      >
        {busy && busyLabel ? busyLabel : children}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        style={{ display: 'none' }}
        data-testid={`${testId}-file`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void take(file);
        }}
      />
    </>
  );
}
