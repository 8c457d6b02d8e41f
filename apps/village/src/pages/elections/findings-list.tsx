import { List, Tag } from 'antd-mobile';

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
  if (findings.length === 0) return null;
  return (
    <List mode="card" header={header ?? '规则检查'} data-testid={testId}>
      {findings.map((f, i) => (
        <List.Item
          key={`${f.rule}-${String(i)}`}
          data-severity={f.severity}
          data-rule={f.rule}
          prefix={
            <Tag color={f.severity === 'error' ? 'danger' : 'warning'}>
              {f.severity === 'error' ? '错误' : '提醒'}
            </Tag>
          }
          description={`依据：${f.citation}`}
        >
          {f.message}
        </List.Item>
      ))}
    </List>
  );
}
