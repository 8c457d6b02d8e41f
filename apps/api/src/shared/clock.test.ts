import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCampaign } from '../../test/campaign-helpers.js';
import type { TestApi } from '../../test/harness.js';
import { startTestApi } from '../../test/harness.js';
import { readEnv } from '../env.js';
import { clockStartingAt, fixedClock } from './clock.js';

describe('clock', () => {
  it('starts at the given instant and runs forward in real time', () => {
    let real = Date.parse('2030-01-01T00:00:00Z');
    const clock = clockStartingAt(new Date('2026-03-19T15:59:00Z'), () => real);
    expect(clock.now().toISOString()).toBe('2026-03-19T15:59:00.000Z');
    expect(clock.today()).toBe('2026-03-19');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-03-19T16:00:30.000Z');
    expect(clock.today()).toBe('2026-03-20');
  });

  it('reads HUANJIE_NOW as an ISO 8601 instant and refuses anything else', () => {
    expect(readEnv({ HUANJIE_NOW: '2026-03-20T00:30:00+08:00' }).HUANJIE_NOW).toBe(
      '2026-03-20T00:30:00+08:00',
    );
    expect(readEnv({}).HUANJIE_NOW).toBeUndefined();
    expect(() => readEnv({ HUANJIE_NOW: 'tomorrow' })).toThrow(/HUANJIE_NOW/);
  });
});

describe('an API on a clock', () => {
  let api: TestApi;
  // 16:30 in UTC is already the next day in China.
  const clock = fixedClock(new Date('2026-03-19T16:30:00Z'));
  beforeAll(async () => {
    api = await startTestApi({ villages: 4, clock });
  });
  afterAll(async () => {
    await api.close();
  });

  it('counts days from today in China by its clock, not by the machine’s time', async () => {
    const admin = await api.login('county.admin', 'county');
    const campaign = await startCampaign(api, admin, { electionDay: '2026-04-19' });
    const res = await api.gql<{ campaignOverview: { today: string; daysToElection: number } }>(
      'query($c: ID!) { campaignOverview(campaignId: $c) { today daysToElection } }',
      { c: campaign.id },
      { token: admin },
    );
    expect(res.data?.campaignOverview).toEqual({ today: '2026-03-20', daysToElection: 30 });
  });
});
