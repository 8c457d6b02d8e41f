import { CATALOGUE, combineMessages, translatorHook } from '@huanjie/ui';
import { villageMessages } from './village-messages.js';

/** `t(key, params)` over everything the village app shows: the shared and its own messages. */
export const useT = translatorHook(combineMessages(CATALOGUE, villageMessages));
