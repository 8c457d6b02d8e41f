import { defineMessages } from '@huanjie/ui';

/** Messages of the township app's own screens: the Chinese text and its English, key by key. */
export const townshipMessages = defineMessages({}, {});
