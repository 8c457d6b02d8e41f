import { CATALOGUE, combineMessages, translatorHook } from '@huanjie/ui';
import { desktopMessages } from './desktop-messages.js';

/** The catalogue of the screens both desktop apps share: the shared one and their own. */
export const desktopCatalogue = combineMessages(CATALOGUE, desktopMessages);

/** `t(key, params)` over the desktop catalogue, in the language chosen in the top bar. */
export const useT = translatorHook(desktopCatalogue);

/** The desktop translator, for helpers outside components that build text. */
export type DesktopT = ReturnType<typeof useT>;
