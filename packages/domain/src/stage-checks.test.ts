import { describe, expect, it } from 'vitest';
import { NATIONAL_DEFAULTS, rulesFrom } from './rules.js';
import type { StageCheckInput } from './stage-checks.js';
import { checkStage, submissionVerdict } from './stage-checks.js';
import { findStage } from './stages.js';

const DAY = '2026-03-20';
const TODAY = '2026-03-10';

function input(track: 'P' | 'V' | 'F', code: string, over: Partial<StageCheckInput> = {}) {
  return {
    stage: findStage(track, code)!,
    mode: 'submit',
    doneDate: '2026-02-20',
    counts: {},
    hasPhoto: true,
    electionDay: DAY,
    today: TODAY,
    rules: NATIONAL_DEFAULTS,
    gates: [],
    siblings: {},
    ...over,
  } satisfies StageCheckInput;
}

const rulesOf = (f: ReturnType<typeof checkStage>) => f.map((x) => `${x.severity}:${x.rule}`);

describe('gate', () => {
  it('refuses any entry while the audit is not approved, naming it', () => {
    const findings = checkStage(
      input('V', 'voter_list', {
        mode: 'save',
        counts: { listed: 1000 },
        gates: [
          {
            track: 'V',
            code: 'audit',
            name: '离任审计',
            citation: '审计不结束不换届',
            approved: false,
          },
        ],
      }),
    );
    expect(rulesOf(findings)).toEqual(['error:stage.gate']);
    expect(findings[0]?.message).toContain('离任审计');
    expect(submissionVerdict(findings, null, 'save').verdict).toBe('errors');
  });

  it('lets the stage through once the gate is approved', () => {
    const findings = checkStage(
      input('V', 'voter_list', {
        counts: { listed: 1000 },
        gates: [{ track: 'V', code: 'audit', name: '离任审计', citation: 'x', approved: true }],
      }),
    );
    expect(findings).toEqual([]);
  });
});

describe('deadlines', () => {
  it.each([
    ['V', 'voter_list', '2026-02-28', []],
    ['V', 'voter_list', '2026-03-01', ['warning:voter_list.days_before']],
    ['V', 'candidate_list', '2026-03-16', ['warning:v.formal_list_days_before']],
    ['V', 'election', '2026-03-09', ['warning:election.day']],
    ['F', 'handover', '2026-03-01', []],
  ] as const)('%s %s done %s gives %j', (track, code, doneDate, expected) => {
    const counts = code === 'voter_list' ? { listed: 10 } : {};
    expect(
      rulesOf(checkStage(input(track, code, { doneDate, counts, today: '2026-04-30' }))),
    ).toEqual(expected);
  });

  it('names the legal rule, its citation, and how late it is', () => {
    const [warning] = checkStage(
      input('V', 'voter_list', { doneDate: '2026-03-02', counts: { listed: 10 } }),
    );
    expect(warning?.citation).toContain('村民委员会组织法');
    expect(warning?.message).toContain('晚了2天');
    expect(warning?.message).toContain('选举日前20天');
  });

  it('follows a province that sets 7 days for the candidate list', () => {
    const rules = rulesFrom({
      'v.formal_list_days_before': { value: 7, citation: '某省办法第二十条' },
    });
    const findings = checkStage(
      input('V', 'candidate_list', {
        doneDate: '2026-03-14',
        rules,
        today: DAY,
      }),
    );
    expect(rulesOf(findings)).toEqual(['warning:v.formal_list_days_before']);
    expect(findings[0]?.citation).toBe('某省办法第二十条');
  });

  it('needs an explanation to submit with a warning, not to save a draft', () => {
    const findings = checkStage(
      input('V', 'voter_list', { doneDate: '2026-03-02', counts: { listed: 10 } }),
    );
    expect(submissionVerdict(findings, null, 'submit').verdict).toBe('explain');
    expect(submissionVerdict(findings, '  ', 'submit').verdict).toBe('explain');
    expect(submissionVerdict(findings, '春节期间张榜延后', 'submit').verdict).toBe('accept');
    expect(submissionVerdict(findings, null, 'save').verdict).toBe('accept');
  });
});

describe('count consistency', () => {
  const base = { previous: 1200, addAge18: 30, addMovedIn: 5, remDied: 12, remMovedOut: 3 };
  it.each([
    [{ ...base, registered: 1220 }, []],
    [{ ...base, registered: 1230 }, ['error:registration.balance']],
    [{ registered: 1230, addAge18: 30 }, []],
    [{ ...base, registered: -1 }, ['error:counts.invalid']],
    [{ ...base, registered: 1220, bogus: 1 }, ['error:counts.unknown']],
  ] as const)('registration %j gives %j', (counts, expected) => {
    expect(rulesOf(checkStage(input('V', 'registration', { counts })))).toEqual(expected);
  });

  it('explains the arithmetic in the message', () => {
    const [error] = checkStage(
      input('V', 'registration', { counts: { ...base, registered: 1230 } }),
    );
    expect(error?.message).toBe('本届登记选民数1230与上届1200＋新增35－减少15＝1220不符');
    expect(error?.path).toEqual(['counts', 'registered']);
  });

  it('checks the voter list against the registration', () => {
    const siblings = {
      registration: {
        status: 'approved' as const,
        doneDate: '2026-02-20',
        counts: { registered: 1220 },
      },
    };
    expect(
      rulesOf(checkStage(input('V', 'voter_list', { counts: { listed: 1220 }, siblings }))),
    ).toEqual([]);
    expect(
      rulesOf(checkStage(input('V', 'voter_list', { counts: { listed: 1221 }, siblings }))),
    ).toEqual(['error:voter_list.matches_registration']);
  });

  it.each([
    ['objections', { received: 2, upheld: 1, rejected: 1 }, []],
    ['objections', { received: 2, upheld: 2, rejected: 1 }, ['error:objections.decided']],
    ['objections', { received: 3, upheld: 1, rejected: 1 }, ['error:objections.undecided']],
  ] as const)('%s %j gives %j', (code, counts, expected) => {
    expect(rulesOf(checkStage(input('V', code, { counts, doneDate: '2026-02-20' })))).toEqual(
      expected,
    );
  });

  it('refuses counts another record holds: seats, candidates, vetting, 公示 days', () => {
    // they are entered once, with the candidates (stage-facts.ts), never typed on the stage
    const cases = [
      ['V', 'candidate_list', { seats: 5, candidates: 7 }],
      ['V', 'nomination', { nominees: 9 }],
      ['P', 'vetting', { vetted: 4, passed: 4 }],
      ['P', 'publicity', { publicityDays: 5 }],
    ] as const;
    for (const [track, code, counts] of cases) {
      expect(
        rulesOf(checkStage(input(track, code, { counts, doneDate: '2026-02-20' }))),
        code,
      ).toContain('error:counts.unknown');
    }
  });
});

describe('completeness on submission', () => {
  it('requires the date, required counts and the photo', () => {
    const findings = checkStage(input('V', 'voter_list', { doneDate: null, hasPhoto: false }));
    expect(rulesOf(findings).sort()).toEqual([
      'error:counts.required',
      'error:evidence.photo_required',
      'error:stage.date_required',
    ]);
    expect(submissionVerdict(findings, '说明', 'submit').verdict).toBe('errors');
    const draft = checkStage(
      input('V', 'voter_list', { mode: 'save', doneDate: null, hasPhoto: false }),
    );
    expect(draft).toEqual([]);
  });

  it('refuses a completion date in the future', () => {
    expect(
      rulesOf(
        checkStage(
          input('V', 'committee', {
            doneDate: '2026-03-11',
            counts: { members: 5 },
            electionDay: '2026-05-01',
          }),
        ),
      ),
    ).toEqual(['error:stage.date_future']);
  });
});
