import { defineMessages } from '@huanjie/ui';

/** Messages of a guidance member's village page that the shared guidance.* catalogue lacks. */
export const guidancePageMessages = defineMessages(
  {
    'village.guidance.status.on_track': '正常推进',
    'village.guidance.status.attention': '需要关注',
    'village.guidance.status.blocked': '受阻需协调',
    'village.guidance.kind.visit': '走访',
    'village.guidance.kind.talk': '谈话',
    'village.guidance.followUpLine': '跟进事项：{text}',
  },
  {
    'village.guidance.status.on_track': 'On track',
    'village.guidance.status.attention': 'Needs attention',
    'village.guidance.status.blocked': 'Blocked; needs the township',
    'village.guidance.kind.visit': 'Visit',
    'village.guidance.kind.talk': 'Talk',
    'village.guidance.followUpLine': 'Follow-up: {text}',
  },
);
