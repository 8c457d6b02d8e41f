import { defineMessages } from '@huanjie/ui';

/** The rollup of a province's or city's counties (`/rollup`). */
export const rollupMessages = defineMessages(
  {
    'county.rollup.title': '{name} · 各县换届进度',
    'county.rollup.intro':
      '每个数字都带分母：x / y 村，即该县本届换届工作中x个村(社区)，共y个。点县名查看该县的换届进度。',
    'county.rollup.county': '县',
    'county.rollup.campaign': '换届工作',
    'county.rollup.electionDay': '选举日',
    'county.rollup.villages': '村(社区)',
    'county.rollup.done': '已完成',
    'county.rollup.inProgress': '进行中',
    'county.rollup.overdue': '有逾期',
    'county.rollup.notStarted': '未开始',
    'county.rollup.elected': '已到选举日',
    'county.rollup.handedOver': '已交接',
    'county.rollup.share': '{count} / {total} 村',
    'county.rollup.noCampaign': '尚无换届工作',
    'county.rollup.statistics': '统计',
    'county.rollup.noCity': '直属县',
    'county.rollup.none': '下辖尚无县',
    'county.rollup.counties': '{count}个县',
  },
  {
    'county.rollup.title': '{name} · Counties’ progress',
    'county.rollup.intro':
      'Every figure with its denominator: x / y villages of the county’s current campaign. Click a county to open its progress.',
    'county.rollup.county': 'County',
    'county.rollup.campaign': 'Campaign',
    'county.rollup.electionDay': 'Election day',
    'county.rollup.villages': 'Villages',
    'county.rollup.done': 'Done',
    'county.rollup.inProgress': 'In progress',
    'county.rollup.overdue': 'Overdue',
    'county.rollup.notStarted': 'Not started',
    'county.rollup.elected': 'Election day reached',
    'county.rollup.handedOver': 'Handed over',
    'county.rollup.share': '{count} / {total} villages',
    'county.rollup.noCampaign': 'No campaign yet',
    'county.rollup.statistics': 'Statistics',
    'county.rollup.noCity': 'Directly under the province',
    'county.rollup.none': 'No county below yet',
    'county.rollup.counties': '{count} counties',
  },
);
