import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABEL, TEAM_KINDS, auditChanges, auditFieldLabel } from '@huanjie/domain';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

/** What a template's `${…}` stands for, where the API writes a templated action code. */
const TEMPLATE_VALUES: Record<string, readonly string[]> = {
  'input.decision': ['approve', 'return', 'reopen'],
  kind: TEAM_KINDS,
  'team.kind': TEAM_KINDS,
};

/** Every action code in the `action:` of a recordAudit call anywhere in the API. */
function actionsWritten(): string[] {
  const codes = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.split('recordAudit(').slice(1)) {
      const action = /\baction:\s*([^\n]*?),?\n/.exec(call)?.[1];
      if (action === undefined) continue;
      for (const [, code] of action.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) codes.add(code!);
      for (const [, template] of action.matchAll(/`([^`]*)`/g)) {
        const [, variable] = /\$\{([^}]*)\}/.exec(template!) ?? [];
        const values = variable === undefined ? undefined : TEMPLATE_VALUES[variable];
        if (values === undefined)
          throw new Error(`an action template this test cannot expand: ${template}`);
        for (const v of values) codes.add(template!.replace(`\${${variable}}`, v));
      }
    }
  }
  return [...codes].sort();
}

describe('the audit log in words', () => {
  it('has a Chinese name for every action code the API writes', () => {
    const written = actionsWritten();
    // the scan finds the calls (a scan that found nothing would pass anything)
    expect(written).toEqual(
      expect.arrayContaining(['result.submit', 'stage.reopen', 'supervision_team.assign']),
    );
    expect(written.length).toBeGreaterThan(40);
    const names = AUDIT_ACTION_LABEL as Record<string, string>;
    const unnamed = written.filter((code) => !/\p{Script=Han}/u.test(names[code] ?? ''));
    expect(unnamed).toEqual([]);
  });

  it('names stage counts and rules from their own tables', () => {
    expect(auditFieldLabel('registered')).toBe('本届登记选民数');
    expect(auditFieldLabel('ballotsValid')).toBe('有效票');
    expect(auditFieldLabel('voter_list.objection_days')).toContain('申诉');
  });

  it('compares a result correction field by field, naming each meeting and vote', () => {
    const sheet = (votesFor: number, valid: number) => ({
      meetings: [
        {
          round: 'regular',
          heldOn: '2026-03-20',
          entitled: 812,
          ballotsValid: valid,
          votes: [
            { candidateId: 7, votesFor: 400 },
            { candidateId: 8, votesFor },
          ],
        },
      ],
    });
    expect(auditChanges({ sheet: sheet(301, 700) }, { sheet: sheet(310, 710) })).toEqual([
      {
        field: 'sheet.meetings[0].ballotsValid',
        label: '选举结果表 · 选举会议1 · 有效票',
        before: '700',
        after: '710',
      },
      {
        field: 'sheet.meetings[0].votes[1].votesFor',
        label: '选举结果表 · 选举会议1 · 得票2 · 得票(赞成票)',
        before: '301',
        after: '310',
      },
    ]);
    expect(
      auditChanges({ status: 'submitted' }, { status: 'returned', reason: '票数不符' }),
    ).toEqual([
      { field: 'status', label: '状态', before: '待审核', after: '已退回' },
      { field: 'reason', label: '理由', before: null, after: '票数不符' },
    ]);
  });
});
