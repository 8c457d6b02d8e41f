import { describe, expect, it } from 'vitest';
import { writeRefusal } from './write-gate.js';

const audit = {
  track: 'V' as const,
  code: 'audit',
  name: '离任审计',
  citation: '审计不结束不换届',
};
const stage = { name: '召开选举大会' };

describe('writeRefusal: may this step of this unit be written now', () => {
  it('refuses every step while a gate stage is not approved, naming it', () => {
    for (const step of ['stage', 'candidates', 'result', 'amend'] as const) {
      expect(writeRefusal({ step, stage, gates: [{ ...audit, approved: false }] })).toEqual({
        kind: 'gate',
        citation: '审计不结束不换届',
        message: '「召开选举大会」须在「离任审计」经乡镇审核通过后才能填报',
      });
    }
  });

  it('lets every step through once the gates are approved and the result is open', () => {
    const gates = [{ ...audit, approved: true }];
    for (const resultStatus of [null, 'draft', 'submitted', 'returned']) {
      expect(writeRefusal({ step: 'result', stage, gates, resultStatus })).toBeNull();
    }
    expect(writeRefusal({ step: 'candidates', stage, gates: [] })).toBeNull();
  });

  it('an approved result locks candidates and results; only an amendment may change it', () => {
    const gates = [{ ...audit, approved: true }];
    const locked = (step: 'candidates' | 'result' | 'amend') =>
      writeRefusal({ step, stage, gates, resultStatus: 'approved' })?.kind ?? null;
    expect(locked('candidates')).toBe('locked');
    expect(locked('result')).toBe('locked');
    expect(locked('amend')).toBeNull();
  });

  it('a reported result (submitted or returned) already fixes the candidates it was counted on', () => {
    const gates = [{ ...audit, approved: true }];
    for (const resultStatus of ['submitted', 'returned']) {
      expect(writeRefusal({ step: 'candidates', stage, gates, resultStatus })?.kind).toBe('locked');
      expect(writeRefusal({ step: 'result', stage, gates, resultStatus })).toBeNull();
    }
    expect(writeRefusal({ step: 'candidates', stage, gates, resultStatus: 'draft' })).toBeNull();
  });
});
