import { describe, expect, it } from 'vitest';
import { correctionStatus } from './supervision.js';

describe('correctionStatus', () => {
  it.each([
    ['2026-05-10', null, '2026-05-09', 'open'],
    ['2026-05-10', null, '2026-05-10', 'open'],
    ['2026-05-10', null, '2026-05-11', 'overdue'],
    ['2026-05-10', '2026-05-12', '2026-05-20', 'answered'],
    ['2026-05-10', '2026-05-08', '2026-05-09', 'answered'],
  ] as const)('deadline %s, answered %s, today %s: %s', (deadline, answeredOn, today, status) => {
    expect(correctionStatus({ deadline, answeredOn }, today)).toBe(status);
  });
});
