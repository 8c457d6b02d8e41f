import type { DisplayStatus, UnitProgress } from '@huanjie/domain';
import { DISPLAY_STATUS_LABEL, UNIT_PROGRESS_LABEL } from '@huanjie/domain';

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

/** "距选举日18天" / "今天选举" / "选举日已过4天". */
export function daysToElectionText(days: number): string {
  if (days > 0) return `距选举日${days}天`;
  if (days === 0) return '今天是选举日';
  return `选举日已过${-days}天`;
}

/** The overview of a campaign, or of one region in it. */
export function overviewPath(campaignId: string, regionId?: string): string {
  return `/overview/${encodeURIComponent(campaignId)}${regionId ? `/${encodeURIComponent(regionId)}` : ''}`;
}
