import { defineMessages } from '@huanjie/ui';

/** Messages of the desktop (township and county) screens: the Chinese text and its English, key by key. */
export const desktopMessages = defineMessages({}, {});
