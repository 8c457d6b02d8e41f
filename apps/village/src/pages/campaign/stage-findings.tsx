import { Tag } from 'antd-mobile';

export interface FindingView {
  severity: 'error' | 'warning';
  rule: string;
  citation: string;
  message: string;
}

/** Rule findings in Chinese: what is wrong, the rule and its legal basis. */
export function StageFindings({
  findings,
  title,
}: {
  findings: readonly FindingView[];
  title?: string;
}) {
  if (findings.length === 0) return null;
  return (
    <div className="hj-m-findings" data-testid="stage-findings">
      {title && <div className="hj-m-findings-title">{title}</div>}
      {findings.map((f, i) => (
        <div
          key={`${f.rule}-${i}`}
          className={`hj-m-finding hj-m-finding-${f.severity}`}
          data-testid={`finding-${f.severity}`}
          data-rule={f.rule}
        >
          <Tag color={f.severity === 'error' ? 'danger' : 'warning'}>
            {f.severity === 'error' ? '不符合' : '需说明'}
          </Tag>{' '}
          {f.message}
          <div className="hj-m-finding-citation">依据：{f.citation}</div>
        </div>
      ))}
    </div>
  );
}
