import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectionFixture } from '../../../test/elections-fixture.js';
import { createElectionFixture, prepareElection } from '../../../test/elections-fixture.js';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';
import { countStatements } from '../../../test/statements.js';

// as the village app submits (apps/village result-page.graphql.ts): the answer is the unit's id
const SUBMIT = `mutation($u: ID!, $s: ResultSheetInput!, $k: String!) { submitResult(unitId: $u, sheet: $s, idempotencyKey: $k) {
  __typename ... on Error { code message } ... on RuleViolationError { findings { rule } } ... on ElectionUnit { id } } }`;
const RESULT = `query($id: ID!) { electionUnit(id: $id) { result { status revision revisions { kind } } } }`;

/**
 * Statements on the wire per submission, the whole request included (session, BEGIN, the scope,
 * COMMIT): a result is entered by every village of a county on one evening.
 */
const FIRST_SUBMISSION = 15; // 23 before the unit's bundle was one statement
const RESUBMISSION = 16; // 24: the old meetings are deleted first
const RETRY = 12; // 15

describe('statements per result submission', () => {
  let api: TestApi;
  let fx: ElectionFixture;
  let clerk: string;
  let ids: Map<string, string>;
  const unit = () => fx.units.get('t01v005/V')!;

  beforeAll(async () => {
    api = await startTestApi();
    fx = await createElectionFixture(api, ['t01v005']);
    clerk = await api.login('vil01005.clerk', 'village');
    ids = await prepareElection(api.gql, clerk, unit(), fx, { chair: 1, member: 2 }, [
      { name: '王芳', post: 'chair', gender: 'female' },
      { name: '李强', post: 'chair' },
      { name: '张伟', post: 'member' },
      { name: '刘洋', post: 'member' },
      { name: '陈静', post: 'member', gender: 'female' },
    ]);
  });
  afterAll(() => api.close());

  const sheet = (votes: Record<string, number>) => ({
    meetings: [
      {
        round: 'regular',
        heldOn: fx.electionDay,
        entitled: 1000,
        inPerson: 700,
        proxy: 50,
        other: 10,
        ballotsIssued: 760,
        ballotsReturned: 760,
        ballotsValid: 750,
        ballotsInvalid: 10,
        votes: Object.entries(votes).map(([name, n]) => ({
          candidateId: ids.get(name),
          votesFor: n,
        })),
      },
    ],
  });

  const submit = async (k: string, votes: Record<string, number>) => {
    let typename: string | undefined;
    const statements = await countStatements(api.database, async () => {
      const res = await api.gql<{ submitResult: { __typename: string } }>(
        SUBMIT,
        { u: unit(), s: sheet(votes), k },
        { token: clerk },
      );
      typename = res.data?.submitResult.__typename;
    });
    expect(typename).toBe('ElectionUnit');
    const stored = await api.gql<{
      electionUnit: { result: { status: string; revision: number; revisions: { kind: string }[] } };
    }>(RESULT, { id: unit() }, { token: clerk });
    return { statements, result: stored.data!.electionUnit.result };
  };

  it('a first submission, a resubmission and a retry take a fixed few, the whole request included', async () => {
    const votes = { 王芳: 500, 李强: 240, 张伟: 600, 刘洋: 420, 陈静: 300 };
    const first = await submit('count-first-1', votes);
    expect(first.result).toMatchObject({ status: 'submitted', revision: 1 });
    const again = await submit('count-second-1', { ...votes, 王芳: 501, 李强: 239 });
    expect(again.result).toMatchObject({ status: 'submitted', revision: 2 });
    // the first one's retry stores nothing and answers with the result as it stands
    const retry = await submit('count-first-1', votes);
    expect(retry.result.revisions.map((r) => r.kind)).toEqual(['submit', 'resubmit']);
    expect(first.statements).toBeLessThanOrEqual(FIRST_SUBMISSION);
    expect(again.statements).toBeLessThanOrEqual(RESUBMISSION);
    expect(retry.statements).toBeLessThanOrEqual(RETRY);
  });
});
