import type { CaseSeverity, CaseStatus } from '@huanjie/domain';

/** Tag colours of a case's status and severity, the same in the list and on the case page. */
export const STATUS_COLOR: Record<CaseStatus, string> = {
  received: 'default',
  assigned: 'blue',
  acknowledged: 'cyan',
  investigating: 'processing',
  closed: 'success',
};

export const SEVERITY_COLOR: Record<CaseSeverity, string> = {
  general: 'default',
  serious: 'orange',
  grave: 'red',
};
