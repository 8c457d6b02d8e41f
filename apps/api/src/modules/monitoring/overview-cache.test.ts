import { describe, expect, it } from 'vitest';
import type { CampaignEvent } from '../../events/event-bus.js';
import { createInProcessBus } from '../../events/event-bus.js';
import { deferredEvents } from '../../request-transaction.js';
import { createOverviewCache, overviewCacheEnabled, overviewCacheOf } from './overview-cache.js';

const event = (campaignId: number): CampaignEvent => ({
  campaignId,
  kind: 'stage',
  regionPath: '1.2.3.',
  regionId: 3,
  track: 'V',
  stageCode: 'V01',
  status: 'submitted',
  at: new Date().toISOString(),
});

/** A computation that counts how often it ran and answers with that count. */
function counter() {
  let runs = 0;
  return { compute: () => Promise.resolve(++runs), runs: () => runs };
}

describe('overview cache', () => {
  it('is one cache per API instance, also seen through a request’s deferred events', () => {
    // each request wraps the bus to publish after its commit; a cache per wrapper never hits
    const bus = createInProcessBus();
    expect(overviewCacheOf(deferredEvents(bus).events)).toBe(overviewCacheOf(bus));
    expect(overviewCacheOf(createInProcessBus())).not.toBe(overviewCacheOf(bus));
  });

  it('serves the same figures until the campaign changes, then recomputes', async () => {
    const bus = createInProcessBus();
    const cache = createOverviewCache(bus.listen);
    const c = counter();
    expect(await cache.get(1, 'county', c.compute)).toBe(1);
    expect(await cache.get(1, 'county', c.compute)).toBe(1);
    await bus.publish(event(2)); // another campaign: nothing changes here
    expect(await cache.get(1, 'county', c.compute)).toBe(1);
    await bus.publish(event(1));
    expect(await cache.get(1, 'county', c.compute)).toBe(2);
  });

  it('never serves a computation that was running when the change was published', async () => {
    const bus = createInProcessBus();
    const cache = createOverviewCache(bus.listen);
    let release: (value: string) => void = () => undefined;
    const before = cache.get(1, 'county', () => new Promise<string>((r) => (release = r)));
    await bus.publish(event(1));
    release('read before the change');
    expect(await before).toBe('read before the change');
    expect(await cache.get(1, 'county', () => Promise.resolve('after'))).toBe('after');
  });

  it('keeps different scopes apart, expires entries and forgets failures', async () => {
    let clock = 0;
    const cache = createOverviewCache(createInProcessBus().listen, {
      ttlMs: 1_000,
      now: () => clock,
    });
    const c = counter();
    await cache.get(1, 'county|roots=a', c.compute);
    expect(await cache.get(1, 'county|roots=b', c.compute)).toBe(2);
    clock = 1_000;
    expect(await cache.get(1, 'county|roots=a', c.compute)).toBe(3);
    await expect(
      cache.get(1, 'broken', () => Promise.reject(new Error('db down'))),
    ).rejects.toThrow();
    expect(await cache.get(1, 'broken', () => Promise.resolve('ok'))).toBe('ok');
  });

  it("switched off (HUANJIE_OVERVIEW_CACHE=off, the bench's uncached rows), recomputes every read and never hits", async () => {
    expect(overviewCacheEnabled({ HUANJIE_OVERVIEW_CACHE: 'off' })).toBe(false);
    expect(overviewCacheEnabled({})).toBe(true);
    const cache = createOverviewCache(createInProcessBus().listen, { enabled: false });
    const { compute, runs } = counter();
    for (let i = 0; i < 3; i++) await cache.get(1, 'county', compute);
    expect(runs()).toBe(3);
    expect(cache.hits()).toBe(0);
    expect(cache.size()).toBe(0);

    const on = createOverviewCache(createInProcessBus().listen);
    const other = counter();
    for (let i = 0; i < 3; i++) await on.get(1, 'county', other.compute);
    expect(other.runs()).toBe(1);
    expect(on.hits()).toBe(2);
  });
});
