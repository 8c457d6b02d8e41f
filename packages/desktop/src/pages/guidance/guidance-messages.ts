import { defineMessages } from '@huanjie/ui';

/** Punctuation and phrasing of the guidance screens around the shared 'guidance.*' messages. */
export const guidanceMessages = defineMessages(
  {
    'desktop.listSeparator': '、',
    'desktop.labelled': '{label}：',
    'desktop.labelledValue': '{label}：{value}',
    'desktop.guidance.cadreRoles': '{name}（{roles}）',
    'desktop.guidance.rosterIssue': '【{column}】{message}',
    'desktop.guidance.cadreOption': '{name}（{rank}）',
    'desktop.guidance.cadreOptionPost': '{name}（{rank} {post}）',
  },
  {
    'desktop.listSeparator': ', ',
    'desktop.labelled': '{label}: ',
    'desktop.labelledValue': '{label}: {value}',
    'desktop.guidance.cadreRoles': '{name} ({roles})',
    'desktop.guidance.rosterIssue': '[{column}] {message}',
    'desktop.guidance.cadreOption': '{name} ({rank})',
    'desktop.guidance.cadreOptionPost': '{name} ({rank}, {post})',
  },
);
