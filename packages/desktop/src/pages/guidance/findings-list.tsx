import { graphql, readFragment, type FragmentOf } from '@huanjie/client';
import { Alert, Collapse, Flex, Typography } from 'antd';
import { useT } from '../../i18n.js';

export const FindingFieldsFragment = graphql(`
  fragment FindingFields on CoverageFinding {
    severity
    rule
    citation
    message
    villageIds
    townshipIds
    cadreId
  }
`);

/** Coverage problems as the rules report them: errors first, each with its basis. */
export function FindingsList({
  findings: data,
}: {
  findings: readonly FragmentOf<typeof FindingFieldsFragment>[];
}) {
  const t = useT();
  const findings = data
    .map((f) => readFragment(FindingFieldsFragment, f))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  if (findings.length === 0) {
    return (
      <div data-testid="coverage-findings" data-count={0}>
        <Alert type="success" showIcon title={t('guidance.noProblems')} />
      </div>
    );
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <div data-testid="coverage-findings" data-count={findings.length}>
      <Collapse
        defaultActiveKey={['findings']}
        items={[
          {
            key: 'findings',
            label: t('guidance.problems', { errors, warnings: findings.length - errors }),
            children: (
              <Flex vertical gap={4} style={{ maxHeight: 280, overflowY: 'auto' }}>
                {findings.map((f, i) => (
                  <div
                    key={`${f.rule}-${String(i)}`}
                    data-testid="coverage-finding"
                    data-rule={f.rule}
                    data-severity={f.severity}
                  >
                    <Alert
                      type={f.severity === 'error' ? 'error' : 'warning'}
                      showIcon
                      title={f.message}
                      description={
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('desktop.labelledValue', {
                            label: t('guidance.basis'),
                            value: f.citation,
                          })}
                        </Typography.Text>
                      }
                    />
                  </div>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </div>
  );
}
