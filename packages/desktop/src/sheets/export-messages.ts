import { defineMessages } from '@huanjie/ui';

/** Messages of the xlsx export button. */
export const exportMessages = defineMessages(
  {
    'desktop.export.button': '导出 Excel',
    'desktop.export.committeeForm': '导出村（居）委会统计表',
    'desktop.export.partyForm': '导出党组织统计表',
    'desktop.export.representativesForm': '导出村民代表和村民小组长统计表',
    'desktop.export.refused': '导出失败：{reason}',
    'desktop.export.failed': '导出失败，请检查网络后重试',
  },
  {
    'desktop.export.button': 'Export to Excel',
    'desktop.export.committeeForm': 'Export the committee form',
    'desktop.export.partyForm': 'Export the party organisation form',
    'desktop.export.representativesForm': 'Export the representatives and group leaders form',
    'desktop.export.refused': 'Export failed: {reason}',
    'desktop.export.failed': 'Export failed; check the network and try again',
  },
);
