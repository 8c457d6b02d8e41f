import { CATALOGUE, combineMessages, translatorHook, type Translator } from '@huanjie/ui';
import { villageMessages } from './village-messages.js';

const messages = combineMessages(CATALOGUE, villageMessages);

/** `t(key, params)` over everything the village app shows: the shared and its own messages. */
export const useT = translatorHook(messages);

/** A key of the village app's messages (shared or its own). */
export type VillageKey = keyof (typeof messages)['zh'];
/** What useT returns, for helpers that build text outside a component. */
export type VillageT = Translator<VillageKey>;
