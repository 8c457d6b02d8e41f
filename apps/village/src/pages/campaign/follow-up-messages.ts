import { defineMessages } from '@huanjie/ui';

/** The handover checklist on the phone (`…/follow-up`). */
export const followUpPageMessages = defineMessages(
  {
    'village.followUp.link': '换届后续工作清单（交接、配套组织、离任谈话等）',
    'village.followUp.title': '换届后续工作',
    'village.followUp.summary': '选举日 {day} · 已完成 {done} / {total} 项 · 逾期 {overdue} 项',
    'village.followUp.due': '{text}（{date}前）',
    'village.followUp.doneBy': '{date} · {who}',
    'village.followUp.doneOn': '完成日期',
    'village.followUp.who': '经办人（移交人、接收人或谈话人）',
    'village.followUp.note': '备注',
    'village.followUp.photo': '附件照片（可选）',
    'village.followUp.save': '标记完成',
    'village.followUp.saved': '已登记',
    'village.followUp.cancel': '取消',
    'village.followUp.failed': '保存失败，请检查网络',
  },
  {
    'village.followUp.link': 'After the election: handover, committees, exit talks…',
    'village.followUp.title': 'After the election',
    'village.followUp.summary': 'Election day {day} · done {done} of {total} · overdue {overdue}',
    'village.followUp.due': '{text} (by {date})',
    'village.followUp.doneBy': '{date} · {who}',
    'village.followUp.doneOn': 'Done on',
    'village.followUp.who': 'Who (handed over, received, talked)',
    'village.followUp.note': 'Note',
    'village.followUp.photo': 'Photo (optional)',
    'village.followUp.save': 'Mark done',
    'village.followUp.saved': 'Recorded',
    'village.followUp.cancel': 'Cancel',
    'village.followUp.failed': 'Saving failed; check the network',
  },
);
