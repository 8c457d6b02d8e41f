import { defineMessages } from '@huanjie/ui';

/** Messages of a village's page: today's tasks, its campaigns and its elections. */
export const regionPageMessages = defineMessages(
  {
    'village.campaigns.header': '换届工作进度填报',
    'village.campaigns.electionDay': '县定选举日 {day}',
    'village.campaigns.villageDay': '本村选举日 {day}',
    'village.campaigns.running': '进行中',
    'village.elections.header': '换届选举：候选人与选举结果',
    'village.elections.notEntered': '未录入',
    'village.tasks.header': '今日待办',
    'village.tasks.none': '暂无待办事项',
    'village.tasks.enterResult': '{body} · 录入选举大会结果',
    'village.tasks.more': '另有{n}项，查看全部',
  },
  {
    'village.campaigns.header': 'Campaign progress reports',
    'village.campaigns.electionDay': 'County election day {day}',
    'village.campaigns.villageDay': 'This village’s election day {day}',
    'village.campaigns.running': 'Running',
    'village.elections.header': 'Elections: candidates and results',
    'village.elections.notEntered': 'Not entered',
    'village.tasks.header': 'To do today',
    'village.tasks.none': 'Nothing to do',
    'village.tasks.enterResult': '{body} · Enter the election meeting results',
    'village.tasks.more': '{n} more; see them all',
  },
);
