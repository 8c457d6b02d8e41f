import type { VillageT } from '../../i18n.js';

/** How long until a stage is due, in the reader's language ("还剩3天", "今天到期", "逾期2天"). */
export function daysLeftText(t: VillageT, daysLeft: number): string {
  if (daysLeft > 0) return t('village.daysLeft.left', { n: daysLeft });
  if (daysLeft === 0) return t('village.daysLeft.today');
  return t('village.daysLeft.overdue', { n: -daysLeft });
}
