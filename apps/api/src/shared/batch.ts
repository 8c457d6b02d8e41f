/**
 * Batches the loads a request's resolvers start together: GraphQL resolves a field for every
 * item of a list in one pass, so `result` of 300 election units asks for 300 rows at once. The
 * keys asked for before the pass ends are loaded with one call of `loadMany`; nothing is kept
 * after that (a mutation later in the request reads afresh).
 */

type Batch = { keys: Set<unknown>; done: Promise<Map<unknown, unknown>> };

const batches = new WeakMap<object, Map<string, Batch>>();

const resolved = Promise.resolve();

export function batchLoad<K, V>(
  owner: object,
  kind: string,
  key: K,
  loadMany: (keys: K[]) => Promise<Map<K, V>>,
): Promise<V | undefined> {
  let open = batches.get(owner);
  if (!open) {
    open = new Map();
    batches.set(owner, open);
  }
  let batch = open.get(kind);
  if (!batch) {
    const keys = new Set<unknown>();
    const opened = open;
    const done = new Promise<Map<unknown, unknown>>((resolve, reject) => {
      // after the promise jobs already queued: the resolvers of one pass all get in
      void resolved.then(() => {
        process.nextTick(() => {
          opened.delete(kind);
          loadMany([...keys] as K[]).then(resolve, reject);
        });
      });
    });
    batch = { keys, done };
    open.set(kind, batch);
  }
  batch.keys.add(key);
  return batch.done.then((found) => found.get(key) as V | undefined);
}
