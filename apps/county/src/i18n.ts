import { combineMessages, translatorHook } from '@huanjie/ui';
import { desktopCatalogue } from '@huanjie/desktop';
import { countyMessages } from './county-messages.js';

/** `t(key, params)` over everything this app shows: the shared, the desktop and its own messages. */
export const useT = translatorHook(combineMessages(desktopCatalogue, countyMessages));

/** What `useT` returns, for helpers outside components that build text. */
export type CountyTranslator = ReturnType<typeof useT>;
