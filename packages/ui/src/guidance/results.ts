/** A mutation's union result: what went wrong, in the server's words, or null when it worked. */
export function failureOf(result: {
  __typename: string;
  message?: string;
  issues?: readonly { message: string }[];
}): string | null {
  if (!result.__typename.endsWith('Error')) return null;
  const details = result.issues?.map((i) => i.message).filter((m) => m !== result.message) ?? [];
  return [result.message ?? result.__typename, ...details].join('；');
}

/** Reads a picked file as base64 (without the data: prefix), for an upload through GraphQL. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('file read failed'));
    };
    reader.readAsDataURL(file);
  });
}

/** Saves base64 content as a file the browser downloads. */
export function downloadBase64(fileName: string, base64: string, type: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Today in China (UTC+8), as the server counts daily reports. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
