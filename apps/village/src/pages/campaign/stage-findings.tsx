import { Tag } from 'antd-mobile';
import { useT } from '../../i18n.js';

export interface FindingView {
  severity: 'error' | 'warning';
  rule: string;
  citation: string;
  message: string;
}

/** Rule findings as the API words them: what is wrong, the rule and its legal basis. */
export function StageFindings({
  findings,
  title,
}: {
  findings: readonly FindingView[];
  title?: string;
}) {
  const t = useT();
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
            {t(
              f.severity === 'error'
                ? 'village.findings.notCompliant'
                : 'village.findings.needsExplanation',
            )}
          </Tag>{' '}
          {f.message}
          <div className="hj-m-finding-citation">
            {t('village.basis', { citation: f.citation })}
          </div>
        </div>
      ))}
    </div>
  );
}
