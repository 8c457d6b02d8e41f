import { combineMessages } from '@huanjie/ui';
import { campaignPageMessages } from './pages/campaign/campaign-page-messages.js';
import { casesPageMessages } from './pages/cases/cases-page-messages.js';
import { followUpPageMessages } from './pages/campaign/follow-up-messages.js';
import { electionsPageMessages } from './pages/elections/elections-page-messages.js';
import { guidancePageMessages } from './pages/guidance/guidance-page-messages.js';
import { regionPageMessages } from './pages/region/region-page-messages.js';
import { representativesMessages } from './pages/representatives/representatives-messages.js';

/** Messages of the village app's screens: the Chinese text and its English, key by key. */
export const villageMessages = combineMessages(
  combineMessages(
    combineMessages(electionsPageMessages, combineMessages(campaignPageMessages, followUpPageMessages)),
    combineMessages(regionPageMessages, guidancePageMessages),
  ),
  combineMessages(casesPageMessages, representativesMessages),
);
