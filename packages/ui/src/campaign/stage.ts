import { graphql } from '@huanjie/client';
import type { DisplayStatus } from '@huanjie/domain';
import { translator, type Translate } from '../i18n/language.js';
import { CATALOGUE } from '../i18n/messages.js';
import { RuleFindingFragment } from '../outcome/outcome.js';

/**
 * One stage of one village as every app shows it (the village's checklist and entry form, the
 * township's and county's village page, review queue and drawer): what is due when, and what was
 * reported.
 */
export const StageRecordFragment = graphql(
  `
    fragment StageRecordFields on StageRecord {
      id
      status
      statusLabel
      doneDate
      note
      explanation
      version
      counts {
        key
        label
        value
      }
      warnings {
        ...RuleFinding
      }
      enteredByName
      enteredRoleLabel
      enteredAt
      submittedByName
      submittedAt
      reviewedByName
      reviewedAt
      reviewComment
      photo {
        id
        size
      }
    }
  `,
  [RuleFindingFragment],
);

export const StageItemFragment = graphql(
  `
    fragment StageItemFields on StageItem {
      key
      unitElectionId
      track
      stageCode
      name
      position
      hint
      electionDay
      dueDate
      daysLeft
      dueRuleText
      dueCitation
      dueIsLegal
      status
      displayStatus
      displayLabel
      fact
      factStatus
      factDate
      electionUnitId
      heldFigures {
        key
        value
      }
      photoRequired
      gates {
        track
        code
        name
        citation
        approved
      }
      countFields {
        key
        label
        group
        required
      }
      findings {
        ...RuleFinding
      }
      record {
        id
        ...StageRecordFields
      }
    }
  `,
  [RuleFindingFragment, StageRecordFragment],
);

/** One colour per stage status, the same in every app (antd / antd-mobile tag colours). */
export const DISPLAY_COLOR: Record<DisplayStatus, string> = {
  not_started: '#d9d9d9',
  draft: '#69b1ff',
  submitted: '#faad14',
  approved: '#52c41a',
  returned: '#ff7a45',
  overdue: '#f5222d',
  blocked: '#8c8c8c',
};

/**
 * "还剩3天" / "今天到期" / "逾期2天" in the page's language (pass the page's `t`); Chinese when
 * no translator is given.
 */
export function daysLeftText(daysLeft: number, t: Translate = translator(CATALOGUE, 'zh')): string {
  if (daysLeft > 0) return t('campaign.daysLeft', { days: daysLeft });
  if (daysLeft === 0) return t('campaign.dueToday');
  return t('campaign.daysOverdue', { days: -daysLeft });
}

/** Where the stage's fact is entered, as a route of the village app (candidates or result page). */
export function heldFactPath(fact: string, electionUnitId: string): string {
  const unit = `/elections/${encodeURIComponent(electionUnitId)}`;
  return fact === 'result' ? `${unit}/result` : unit;
}

/** The stage facts whose date only the candidates page records (domain stage-facts.ts). */
export function dateOnlyFromRecords(fact: string | null): boolean {
  return fact === 'formal_list' || fact === 'publicity';
}
