import type { UnitProgress } from '@huanjie/domain';
import type { DesktopT } from '../../i18n.js';

export const PROGRESS_COLOR: Record<UnitProgress, string> = {
  done: '#52c41a',
  in_progress: '#1677ff',
  overdue: '#f5222d',
  blocked: '#8c8c8c',
  not_started: '#d9d9d9',
};

/** "12/36（33.3%）": a share always with its denominator; "—" when there is none. */
export function share(count: number, total: number, t: DesktopT): string {
  if (total === 0) return '—';
  return t('desktop.campaign.share', { count, total, percent: percent(count, total) });
}

export function percent(count: number, total: number): string {
  if (total === 0) return '—';
  return `${(Math.round((count * 1000) / total) / 10).toFixed(1)}%`;
}

/** "距选举日18天" / "今天选举" / "选举日已过4天". */
export function daysToElectionText(days: number, t: DesktopT): string {
  if (days > 0) return t('desktop.campaign.daysToElection', { days });
  if (days === 0) return t('desktop.campaign.electionToday');
  return t('desktop.campaign.electionPassed', { days: -days });
}

/** The overview of a campaign, or of one region in it. */
export function overviewPath(campaignId: string, regionId?: string): string {
  return `/overview/${encodeURIComponent(campaignId)}${regionId ? `/${encodeURIComponent(regionId)}` : ''}`;
}
