/** Messages of the campaign screens (set-up, progress, review), merged into messages.ts. */
export const campaignZh = {
  'campaign.nav.overview': '换届进度',
  'campaign.nav.matrix': '进度表',
  'campaign.nav.review': '进度审核',
  'campaign.nav.setup': '换届设置',
  'campaign.nav.audit': '操作日志',
} as const;

export const campaignEn: Record<keyof typeof campaignZh, string> = {
  'campaign.nav.overview': 'Progress',
  'campaign.nav.matrix': 'Stage matrix',
  'campaign.nav.review': 'Review',
  'campaign.nav.setup': 'Campaigns',
  'campaign.nav.audit': 'Audit log',
};
