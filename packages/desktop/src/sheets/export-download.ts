import type { App } from '@huanjie/domain';

/** The filters of a screen as the export's query: null and empty values are left out. */
export type ExportParams = Record<string, string | readonly string[] | null | undefined>;

/** A refusal the API gave instead of a file (403 outside the scope …), with its message. */
export class ExportRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ExportRefused';
  }
}

/** The file types the API exports: xlsx tables and docx documents (the 工作总结). */
export type ExportFormat = 'xlsx' | 'docx';

export function exportUrl(
  name: string,
  params: ExportParams,
  format: ExportFormat = 'xlsx',
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) if (v !== '') query.append(key, v);
  }
  const search = query.toString();
  return `/exports/${name}.${format}${search ? `?${search}` : ''}`;
}

/** The file name the API gave (filename*=UTF-8''…), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (!encoded) return fallback;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return fallback;
  }
}

/**
 * Downloads a server export (xlsx, or docx): fetched with the app's header and session cookie (as GraphQL
 * requests are), saved through a blob. A refusal throws ExportRefused with the API's message.
 */
export async function downloadExport(
  app: App,
  name: string,
  params: ExportParams,
  format: ExportFormat = 'xlsx',
) {
  const response = await fetch(exportUrl(name, params, format), {
    credentials: 'same-origin',
    headers: { 'x-huanjie-app': app },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new ExportRefused(body?.message ?? response.statusText, response.status);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('content-disposition'), `${name}.${format}`);
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
