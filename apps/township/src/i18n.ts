import { combineMessages, translatorHook } from '@huanjie/ui';
import { desktopCatalogue } from '@huanjie/desktop';
import { zonesMessages } from './pages/zones/zones-messages.js';
import { townshipMessages } from './township-messages.js';

/** `t(key, params)` over everything this app shows: the shared, the desktop and its own messages. */
export const useT = translatorHook(
  combineMessages(desktopCatalogue, combineMessages(townshipMessages, zonesMessages)),
);
