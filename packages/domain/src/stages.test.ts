import { describe, expect, it } from 'vitest';
import { TRACKS } from './campaign.js';
import { NATIONAL_DEFAULTS, RULES, rulesFrom } from './rules.js';
import { STAGE_TEMPLATE, dueDate, findStage, gatesOf, homeTrack, stagesOfUnit } from './stages.js';

describe('stage template', () => {
  it('numbers stages in order, with unique codes per track and known due rules', () => {
    for (const track of TRACKS) {
      const stages = STAGE_TEMPLATE[track];
      expect(stages.map((s) => s.position)).toEqual(stages.map((_, i) => i + 1));
      expect(new Set(stages.map((s) => s.code)).size).toBe(stages.length);
      for (const stage of stages) {
        if (stage.due.rule) expect(RULES[stage.due.rule].unit).toBe('days');
      }
    }
  });

  it('gates every election stage of a village on its audit, and the audit on nothing', () => {
    const tracks = ['P', 'V', 'S', 'F'] as const;
    for (const track of ['P', 'V', 'S'] as const) {
      for (const stage of stagesOfUnit(track, tracks)) {
        const gates = gatesOf(stage, 'parallel', tracks);
        if (stage.code === 'audit') expect(gates).toEqual([]);
        else expect(gates.map((g) => `${g.track}.${g.code}`)).toContain('V.audit');
      }
    }
  });

  it.each([
    ['party_first', 'V', ['V.audit', 'P.election']],
    ['party_first', 'P', ['V.audit']],
    ['committee_first', 'P', ['V.audit', 'V.election']],
    ['committee_first', 'V', ['V.audit']],
    ['parallel', 'V', ['V.audit']],
  ] as const)('under %s the %s election waits for %j', (ordering, track, expected) => {
    const stage = findStage(track, 'election')!;
    expect(
      gatesOf(stage, ordering, ['P', 'V', 'S', 'F']).map((g) => `${g.track}.${g.code}`),
    ).toEqual(expected);
  });

  it('keeps the audit once per village: in the committee track, or the party track without one', () => {
    expect(homeTrack(['P', 'C', 'S', 'F'])).toBe('C');
    expect(homeTrack(['P', 'F'])).toBe('P');
    expect(stagesOfUnit('P', ['P', 'V']).some((s) => s.code === 'audit')).toBe(false);
    expect(stagesOfUnit('V', ['P', 'V']).some((s) => s.code === 'audit')).toBe(true);
    expect(stagesOfUnit('P', ['P', 'F']).some((s) => s.code === 'audit')).toBe(true);
    const handover = findStage('F', 'handover')!;
    expect(gatesOf(handover, 'parallel', ['P', 'C', 'F']).map((g) => g.track)).toEqual(['C']);
  });
});

describe('due dates follow the election day and the rule set', () => {
  const day = '2026-03-20';
  it.each([
    ['V', 'voter_list', '2026-02-28'],
    ['V', 'candidate_list', '2026-03-15'],
    ['V', 'election', '2026-03-20'],
    ['F', 'handover', '2026-03-30'],
  ] as const)('%s %s is due %s', (track, code, expected) => {
    expect(dueDate(findStage(track, code)!, day, NATIONAL_DEFAULTS)).toBe(expected);
  });

  it('moves with a province override and with the day', () => {
    const seven = rulesFrom({ 'v.formal_list_days_before': { value: 7, citation: '某省办法' } });
    expect(dueDate(findStage('V', 'candidate_list')!, day, seven)).toBe('2026-03-13');
    expect(dueDate(findStage('V', 'voter_list')!, '2026-04-01', NATIONAL_DEFAULTS)).toBe(
      '2026-03-12',
    );
  });
});
