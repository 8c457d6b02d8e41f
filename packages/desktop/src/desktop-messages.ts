import { combineMessages } from '@huanjie/ui';
import { chartMessages } from './charts/chart-messages.js';
import { accountsMessages } from './pages/accounts/accounts-messages.js';
import { campaignMessages } from './pages/campaign/campaign-messages.js';
import { casesMessages } from './pages/cases/cases-messages.js';
import { electionsMessages } from './pages/elections/elections-messages.js';
import { guidanceMessages } from './pages/guidance/guidance-messages.js';
import { summaryMessages } from './pages/summary/summary-messages.js';
import { exportMessages } from './sheets/export-messages.js';
import { supervisionMessages } from './pages/supervision/supervision-messages.js';
import { riskPlanMessages } from './pages/campaign/risk-plan-messages.js';
import { followUpMessages } from './pages/follow-up/follow-up-messages.js';

/** Messages of the desktop (township and county) screens: the Chinese text and its English, key by key. */
export const desktopMessages = combineMessages(
  combineMessages(
    combineMessages(campaignMessages, combineMessages(chartMessages, accountsMessages)),
    combineMessages(
      combineMessages(electionsMessages, supervisionMessages),
      combineMessages(guidanceMessages, combineMessages(exportMessages, summaryMessages)),
    ),
  ),
  combineMessages(casesMessages, combineMessages(riskPlanMessages, followUpMessages)),
);
