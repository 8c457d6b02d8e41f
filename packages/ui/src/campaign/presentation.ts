import type { DisplayStatus, UnitProgress } from '@huanjie/domain';
import { DISPLAY_STATUS_LABEL, UNIT_PROGRESS_LABEL } from '@huanjie/domain';

/** One colour per stage status, the same in every app (antd / antd-mobile tag colours). */
export const DISPLAY_COLOR: Record<DisplayStatus, string> = {
  not_started: '#d9d9d9',
  draft: '#69b1ff',
  submitted: '#faad14',
  approved: '#52c41a',
  returned: '#ff7a45',
  overdue: '#f5222d',
  blocked: '#8c8c8c',
};

export const PROGRESS_COLOR: Record<UnitProgress, string> = {
  done: '#52c41a',
  in_progress: '#1677ff',
  overdue: '#f5222d',
  blocked: '#8c8c8c',
  not_started: '#d9d9d9',
};

export function displayLabel(status: DisplayStatus): string {
  return DISPLAY_STATUS_LABEL[status];
}

export function progressLabel(progress: UnitProgress): string {
  return UNIT_PROGRESS_LABEL[progress];
}

/** "12/36（33.3%）": a share always with its denominator; "—" when there is none. */
export function share(count: number, total: number): string {
  if (total === 0) return '—';
  return `${count}/${total}（${percent(count, total)}）`;
}

export function percent(count: number, total: number): string {
  if (total === 0) return '—';
  return `${(Math.round((count * 1000) / total) / 10).toFixed(1)}%`;
}

/** "还剩3天" / "今天到期" / "逾期2天". */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `还剩${daysLeft}天`;
  if (daysLeft === 0) return '今天到期';
  return `逾期${-daysLeft}天`;
}

/** "距选举日18天" / "今天选举" / "选举日已过4天". */
export function daysToElectionText(days: number): string {
  if (days > 0) return `距选举日${days}天`;
  if (days === 0) return '今天是选举日';
  return `选举日已过${-days}天`;
}

/** Resizes and re-encodes a photo on the phone before upload (weak rural networks). */
export async function compressPhoto(
  file: File,
  maxSide = 1280,
  quality = 0.7,
): Promise<{ mimeType: string; dataBase64: string; size: number }> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d unavailable');
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob>((resolve, reject) => {
    canvas.toBlob(
      (b) => {
        if (b) resolve(b);
        else reject(new Error('encoding failed'));
      },
      'image/jpeg',
      quality,
    );
  });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { mimeType: 'image/jpeg', dataBase64: btoa(binary), size: bytes.length };
}

/** Campaign screens link by global ids; keep them readable in URLs. */
export const campaignPaths = {
  checklist: (campaignId: string, villageId: string) =>
    `/campaigns/${encodeURIComponent(campaignId)}/villages/${encodeURIComponent(villageId)}`,
  stage: (campaignId: string, villageId: string, unitElectionId: string, stageCode: string) =>
    `/campaigns/${encodeURIComponent(campaignId)}/villages/${encodeURIComponent(villageId)}/stages/${encodeURIComponent(unitElectionId)}/${stageCode}`,
  overview: (campaignId: string, regionId?: string) =>
    `/overview/${encodeURIComponent(campaignId)}${regionId ? `/${encodeURIComponent(regionId)}` : ''}`,
};
