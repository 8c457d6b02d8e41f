import { List, Tag } from 'antd-mobile';
import { useT } from '../../i18n.js';

export interface FindingView {
  severity: string;
  rule: string;
  citation: string;
  message: string;
}

/** Rule findings as a clerk reads them: what is wrong, and the rule it comes from. */
export function FindingsList({
  findings,
  testId,
  header,
}: {
  findings: readonly FindingView[];
  testId: string;
  header?: string;
}) {
  const t = useT();
  if (findings.length === 0) return null;
  return (
    <List mode="card" header={header ?? t('village.findings.header')} data-testid={testId}>
      {findings.map((f, i) => (
        <List.Item
          key={`${f.rule}-${String(i)}`}
          data-severity={f.severity}
          data-rule={f.rule}
          prefix={
            <Tag color={f.severity === 'error' ? 'danger' : 'warning'}>
              {t(f.severity === 'error' ? 'village.findings.error' : 'village.findings.warning')}
            </Tag>
          }
          description={t('village.basis', { citation: f.citation })}
        >
          {f.message}
        </List.Item>
      ))}
    </List>
  );
}
