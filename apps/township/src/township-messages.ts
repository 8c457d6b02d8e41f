import { defineMessages } from '@huanjie/ui';

/** Messages of the township app's own screens: the Chinese text and its English, key by key. */
export const townshipMessages = defineMessages(
  {
    'township.review.title': '换届进度审核（待审核 {count} 项）',
    'township.review.empty': '没有待审核的环节',
    'township.review.col.village': '村(社区)',
    'township.review.col.township': '乡镇',
    'township.review.col.track': '类别',
    'township.review.col.stage': '环节',
    'township.review.col.doneDate': '完成日期',
    'township.review.col.submitted': '提交',
    'township.review.col.explained': '需说明',
    'township.review.explained': '{count}项已说明',
    'township.listSeparator': '、',
    'township.contactSeparator': '，',
  },
  {
    'township.review.title': 'Progress review ({count} awaiting review)',
    'township.review.empty': 'No stages awaiting review',
    'township.review.col.village': 'Village',
    'township.review.col.township': 'Township',
    'township.review.col.track': 'Election',
    'township.review.col.stage': 'Stage',
    'township.review.col.doneDate': 'Date completed',
    'township.review.col.submitted': 'Submitted',
    'township.review.col.explained': 'Explanations',
    'township.review.explained': '{count} explained',
    'township.listSeparator': ', ',
    'township.contactSeparator': ', ',
  },
);
