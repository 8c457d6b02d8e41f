import { combineMessages } from '@huanjie/ui';
import { auditMessages } from './pages/campaign/audit-messages.js';
import { campaignMessages } from './pages/campaign/campaign-messages.js';
import { campaignPageMessages } from './pages/campaign/campaign-page-messages.js';
import { campaignsMessages } from './pages/campaign/campaigns-messages.js';
import { ruleSetsMessages } from './pages/campaign/rule-sets-messages.js';
import { countiesMessages } from './pages/regions/counties-messages.js';
import { regionsAdminMessages } from './pages/regions/regions-admin-messages.js';
import { rollupMessages } from './pages/rollup/rollup-messages.js';

/** Messages of the county app's own screens: the Chinese text and its English, key by key. */
export const countyMessages = combineMessages(
  combineMessages(campaignMessages, campaignsMessages),
  combineMessages(
    combineMessages(campaignPageMessages, combineMessages(ruleSetsMessages, auditMessages)),
    combineMessages(regionsAdminMessages, combineMessages(rollupMessages, countiesMessages)),
  ),
);
