import { defineMessages } from '@huanjie/ui';

/** Messages of the village app's screens: the Chinese text and its English, key by key. */
export const villageMessages = defineMessages({}, {});
