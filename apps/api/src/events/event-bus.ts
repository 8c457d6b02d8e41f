import { EventEmitter } from 'node:events';
import type { Track } from '@huanjie/domain';
import { Redis } from 'ioredis';
import { logError } from '../logger.js';

/** Something changed in a campaign; subscribers re-read what they show. */
export interface CampaignEvent {
  campaignId: number;
  /**
   * 'sessions_ended': an account was disabled or its password reset (campaignId 0, userId set):
   * every open connection of that user closes at once, on every instance.
   */
  kind: 'stage' | 'campaign' | 'risk' | 'days' | 'result' | 'candidates' | 'sessions_ended';
  /** The account whose sessions ended (kind 'sessions_ended'). */
  userId?: number;
  /** The region the change belongs to (a village for stages, risks and results); used for scope filtering. */
  regionPath: string;
  regionId: number | null;
  track: Track | null;
  stageCode: string | null;
  status: string | null;
  /** ISO instant. */
  at: string;
}

export interface EventBus {
  /** Call after the change's transaction has committed, never inside it. */
  publish: (event: CampaignEvent) => Promise<void>;
  /** Events of one campaign until the iterator is returned (the client unsubscribes). */
  subscribe: (campaignId: number) => AsyncIterableIterator<CampaignEvent>;
  /** Every event of every campaign, as it arrives; returns the function that stops listening. */
  listen: (listener: (event: CampaignEvent) => void) => () => void;
  close: () => Promise<void>;
}

function listenTo(emitter: EventEmitter) {
  return (listener: (event: CampaignEvent) => void) => {
    emitter.on('event', listener);
    return () => {
      emitter.off('event', listener);
    };
  };
}

const CHANNEL = 'huanjie:campaign-events';
const MAX_QUEUED = 1000;

/** Turns emitter callbacks into an async iterator that detaches when the consumer stops. */
function iterate(emitter: EventEmitter, campaignId: number): AsyncIterableIterator<CampaignEvent> {
  const queue: CampaignEvent[] = [];
  const waiting: ((r: IteratorResult<CampaignEvent>) => void)[] = [];
  let done = false;
  const listener = (event: CampaignEvent) => {
    if (event.campaignId !== campaignId || done) return;
    const next = waiting.shift();
    if (next) next({ value: event, done: false });
    else if (queue.length < MAX_QUEUED) queue.push(event);
  };
  emitter.on('event', listener);
  const finish = (): Promise<IteratorResult<CampaignEvent>> => {
    done = true;
    emitter.off('event', listener);
    queue.length = 0;
    for (const resolve of waiting.splice(0)) resolve({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next: () => {
      const value = queue.shift();
      if (value) return Promise.resolve({ value, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    throw: async (error: unknown) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** One API instance: events stay in this process. */
export function createInProcessBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (event) => {
      emitter.emit('event', event);
      return Promise.resolve();
    },
    subscribe: (campaignId) => iterate(emitter, campaignId),
    listen: listenTo(emitter),
    close: () => {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}

/**
 * Several API instances: every event goes through Redis pub/sub, so a village's submission on one
 * instance reaches the county dashboard connected to another. Local subscribers hear it back from
 * Redis too, so every instance sees the same order.
 */
export async function createRedisBus(url: string, channel = CHANNEL): Promise<EventBus> {
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    try {
      emitter.emit('event', JSON.parse(message) as CampaignEvent);
    } catch (error) {
      logError('events.bad_message', { message: String(error) });
    }
  });
  await subscriber.subscribe(channel);
  return {
    publish: async (event) => {
      await publisher.publish(channel, JSON.stringify(event));
    },
    subscribe: (campaignId) => iterate(emitter, campaignId),
    listen: listenTo(emitter),
    close: async () => {
      emitter.removeAllListeners();
      subscriber.disconnect();
      publisher.disconnect();
      await Promise.resolve();
    },
  };
}

export function createEventBus(redisUrl: string | undefined): Promise<EventBus> {
  return redisUrl ? createRedisBus(redisUrl) : Promise.resolve(createInProcessBus());
}

/** Publishing must never fail the request whose change already committed. */
export async function publishSafely(bus: EventBus, event: CampaignEvent): Promise<void> {
  try {
    await bus.publish(event);
  } catch (error) {
    logError('events.publish_failed', { message: String(error), campaignId: event.campaignId });
  }
}
