import { defineMessages } from '@huanjie/ui';

/** Messages of the county app's own screens: the Chinese text and its English, key by key. */
export const countyMessages = defineMessages({}, {});
