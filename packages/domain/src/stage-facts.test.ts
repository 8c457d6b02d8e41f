import { describe, expect, it } from 'vitest';
import { NO_FACTS, stageStatus, statusFromFacts } from './stage-facts.js';
import { findStage } from './stages.js';

const stage = (track: 'P' | 'V', code: string) => {
  const found = findStage(track, code);
  if (!found) throw new Error(`${track}.${code}`);
  return found;
};

describe('stage status from the records that hold its fact', () => {
  it('an approved result approves the meeting, its report and the candidate stages it fixed', () => {
    const facts = { resultStatus: 'approved' as const, present: [] };
    for (const code of ['nomination', 'candidate_list', 'election', 'report']) {
      expect(stageStatus(stage('V', code), 'not_started', facts), code).toBe('approved');
    }
    for (const code of ['nomination', 'vetting', 'publicity', 'approval', 'election']) {
      expect(stageStatus(stage('P', code), 'draft', facts), code).toBe('approved');
    }
  });

  it('what the result does not hold keeps its own record: registration, the audit', () => {
    const facts = { resultStatus: 'approved' as const, present: [] };
    expect(stageStatus(stage('V', 'registration'), 'not_started', facts)).toBe('not_started');
    expect(stageStatus(stage('V', 'audit'), 'returned', facts)).toBe('returned');
  });

  it('a submitted result is awaiting review; a returned one returns the meeting only', () => {
    expect(
      stageStatus(stage('V', 'election'), 'not_started', {
        resultStatus: 'submitted',
        present: [],
      }),
    ).toBe('submitted');
    expect(
      stageStatus(stage('V', 'election'), 'not_started', { resultStatus: 'returned', present: [] }),
    ).toBe('returned');
    expect(
      stageStatus(stage('V', 'nomination'), 'not_started', {
        resultStatus: 'returned',
        present: [],
      }),
    ).toBe('not_started');
  });

  it('candidates on record start the nomination stage; the record may carry it further', () => {
    const facts = { resultStatus: null, present: ['nominations' as const] };
    expect(stageStatus(stage('V', 'nomination'), 'not_started', facts)).toBe('draft');
    expect(stageStatus(stage('V', 'nomination'), 'submitted', facts)).toBe('submitted');
    expect(stageStatus(stage('V', 'candidate_list'), 'not_started', facts)).toBe('not_started');
  });

  it('a township approval on record is never taken back by the facts', () => {
    expect(
      stageStatus(stage('V', 'election'), 'approved', { resultStatus: 'returned', present: [] }),
    ).toBe('approved');
  });

  it('no facts, no change', () => {
    expect(statusFromFacts(stage('V', 'election'), NO_FACTS)).toBeNull();
    expect(stageStatus(stage('V', 'election'), 'draft', NO_FACTS)).toBe('draft');
  });
});
