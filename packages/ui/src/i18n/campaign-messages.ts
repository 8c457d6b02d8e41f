/** Messages of the campaign screens (set-up, progress, review), merged into messages.ts. */
export const campaignZh = {
  'campaign.nav.overview': '换届进度',
  'campaign.nav.matrix': '进度表',
  'campaign.nav.review': '进度审核',
  'campaign.nav.setup': '换届设置',
  'campaign.nav.audit': '操作日志',
  'campaign.daysLeft': '还剩{days}天',
  'campaign.dueToday': '今天到期',
  'campaign.daysOverdue': '逾期{days}天',
} as const;

export const campaignEn: Record<keyof typeof campaignZh, string> = {
  'campaign.nav.overview': 'Progress',
  'campaign.nav.matrix': 'Stage matrix',
  'campaign.nav.review': 'Review',
  'campaign.nav.setup': 'Campaigns',
  'campaign.nav.audit': 'Audit log',
  'campaign.daysLeft': 'Days left: {days}',
  'campaign.dueToday': 'Due today',
  'campaign.daysOverdue': 'Days overdue: {days}',
};
