import { graphql } from '@huanjie/client';
import { translator, type Translate } from '../i18n/language.js';
import { CATALOGUE } from '../i18n/messages.js';

/**
 * What every mutation's union result can say went wrong, selected by the pages' documents and
 * read by `outcomeMessage`. Unmasked: the fields land on the result itself, beside `__typename`.
 */
export const ErrorFieldsFragment = graphql(`
  fragment ErrorFields on Error @_unmask {
    code
    message
  }
`);

export const ValidationIssuesFragment = graphql(`
  fragment ValidationIssues on ValidationError @_unmask {
    issues {
      path
      message
    }
  }
`);

/** A rule the data breaks or strains, with its legal basis. */
export const RuleFindingFragment = graphql(`
  fragment RuleFinding on RuleFinding @_unmask {
    severity
    rule
    citation
    message
    path
  }
`);

export const RuleFindingsFragment = graphql(
  `
    fragment RuleFindings on RuleViolationError @_unmask {
      findings {
        ...RuleFinding
      }
    }
  `,
  [RuleFindingFragment],
);

/**
 * A mutation's union result as one line for the user, or null when it worked. The messages are
 * the API's; `t` only chooses how they are joined (Chinese punctuation when none is given).
 */
export function outcomeMessage(
  result: {
    __typename: string;
    message?: string;
    issues?: readonly { message: string }[];
    findings?: readonly { severity: string; message: string }[];
  },
  t: Translate = translator(CATALOGUE, 'zh'),
): string | null {
  if (!result.__typename.endsWith('Error')) return null;
  const details = [
    ...(result.issues?.map((i) => i.message) ?? []),
    ...(result.findings?.filter((f) => f.severity === 'error').map((f) => f.message) ?? []),
  ].filter((m) => m !== result.message);
  return [result.message ?? result.__typename, ...details].join(t('common.listSeparator'));
}
