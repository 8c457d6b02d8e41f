import type { CampaignEvent, EventBus } from '../../events/event-bus.js';

/**
 * Overview parts, kept until the campaign changes. Every change that moves an overview figure
 * (a stage saved or reviewed, a risk, election days, exclusions, the rule set) publishes a
 * campaign event after its transaction commits; the event drops every cached overview of that
 * campaign, so the next reader recomputes. Entries also expire after `ttlMs`, which bounds how
 * long a lost event (Redis unreachable while publishing) can leave a figure behind.
 *
 * The computation's promise is cached, not its value: readers arriving while it runs share it,
 * and an event during the computation drops it, so a result read before a commit is never served
 * after that commit's event.
 */
export interface OverviewCache {
  get: <T>(campaignId: number, key: string, compute: () => Promise<T>) => Promise<T>;
  /** Entries held now (for tests and diagnostics). */
  size: () => number;
  /** Reads answered from the cache since the start (for tests and the bench's uncached runs). */
  hits: () => number;
}

/**
 * HUANJIE_OVERVIEW_CACHE=off runs the API without the cache: every read recomputes. For the
 * bench's uncached rows (bench/README.md), which compare the API's own work with the SQL floor
 * and the peer engine; the cache is on as the API ships.
 */
export function overviewCacheEnabled(source: NodeJS.ProcessEnv = process.env): boolean {
  return !['off', '0', 'false'].includes(source.HUANJIE_OVERVIEW_CACHE ?? '');
}

interface Entry {
  campaignId: number;
  at: number;
  value: Promise<unknown>;
}

export function createOverviewCache(
  listen: EventBus['listen'],
  { ttlMs = 30_000, maxEntries = 2_000, now = () => Date.now(), enabled = true } = {},
): OverviewCache {
  const entries = new Map<string, Entry>();
  let hits = 0;
  listen((event: CampaignEvent) => {
    for (const [key, entry] of entries) {
      if (entry.campaignId === event.campaignId) entries.delete(key);
    }
  });
  return {
    get: <T>(campaignId: number, key: string, compute: () => Promise<T>): Promise<T> => {
      if (!enabled) return compute();
      const fullKey = `${String(campaignId)}|${key}`;
      const hit = entries.get(fullKey);
      if (hit && now() - hit.at < ttlMs) {
        hits += 1;
        return hit.value as Promise<T>;
      }
      const value = compute();
      // the oldest entry goes first when the cache is full (Map keeps insertion order)
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value ?? '');
      entries.set(fullKey, { campaignId, at: now(), value });
      // a failed computation is not kept: the next reader tries again
      value.catch(() => {
        if (entries.get(fullKey)?.value === value) entries.delete(fullKey);
      });
      return value;
    },
    size: () => entries.size,
    hits: () => hits,
  };
}

const caches = new WeakMap<EventBus['listen'], OverviewCache>();

/**
 * The cache of the API instance that owns this event bus. Keyed by the bus's `listen`, which a
 * request's wrapper around the bus (deferredEvents, which holds its events until the commit) keeps.
 */
export function overviewCacheOf(bus: EventBus): OverviewCache {
  let cache = caches.get(bus.listen);
  if (!cache) {
    cache = createOverviewCache(bus.listen, { enabled: overviewCacheEnabled() });
    caches.set(bus.listen, cache);
  }
  return cache;
}
