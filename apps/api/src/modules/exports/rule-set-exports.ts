import type { RuleSetValue } from '@huanjie/domain';
import {
  RULE_KIND_LABEL,
  SEVERITY_LABEL,
  percentPolicy,
  resolveElectionRules,
  ruleKind,
  ruleLabel,
  severityOf,
} from '@huanjie/domain';
import type { Context } from '../../context.js';
import type { ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import { getRuleSet, ruleSetChanges } from '../campaigns/campaigns.service.js';
import { n, text } from './export-columns.js';

/**
 * A rule set (/rules) as xlsx: every rule as the table lists it — kind, name, severity, value
 * (a number as a number), legal basis, code — and, for a county's copy, what it changed against
 * the set it copies. Read through the service the screen's query calls: another county's set is
 * refused.
 */

function valueText(value: RuleSetValue['value'] | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

export async function ruleSetExport(ctx: Context, ruleSetId: number): Promise<ExportSheet[]> {
  const ruleSet = await getRuleSet(ctx, ruleSetId);
  const changes = await ruleSetChanges(ctx, ruleSet);
  const values = ruleSet.values as Partial<Record<string, RuleSetValue>>;
  const policy = percentPolicy(resolveElectionRules());
  const now = ctx.clock.now();
  const name = `${ruleSet.name} v${String(ruleSet.version)}`;
  const rules = Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([code, entry]) => (entry ? [{ code, entry }] : []));
  const sheets: ExportSheet[] = [
    {
      name: '规则',
      title: exportTitle([name, `规则（共${String(rules.length)}条）`], now),
      policy,
      columns: [
        n('seq', '序号', false),
        text('kind', '类别'),
        text('label', '规则', 36),
        text('severity', '违反时', 16),
        n('number', '数值', false),
        text('value', '取值', 16),
        text('citation', '依据', 60),
        text('code', '代码', 30),
      ],
      rows: rules.map(({ code, entry }, i) => ({
        seq: i + 1,
        kind: RULE_KIND_LABEL[ruleKind(code)].zh,
        label: ruleLabel(code),
        severity: SEVERITY_LABEL[severityOf(code)].zh,
        number: typeof entry.value === 'number' ? entry.value : null,
        value: valueText(entry.value),
        citation: entry.citation,
        code,
      })),
    },
  ];
  if (ruleSet.basedOnId !== null)
    sheets.push({
      name: '与所依据规则集的差异',
      title: exportTitle([name, `与所依据规则集的差异（共${String(changes.length)}条）`], now),
      policy,
      columns: [
        text('label', '规则', 36),
        text('from', '原值', 16),
        text('to', '新值', 16),
        text('citation', '依据', 60),
      ],
      rows: changes.map((c) => ({
        label: c.label,
        from: valueText(c.from?.value),
        to: valueText(c.to?.value),
        citation: c.to?.citation ?? null,
      })),
    });
  return sheets;
}
