import type { ApolloServerPlugin } from '@apollo/server';
import type { Database, Db } from '@huanjie/db';
import type { Actor } from '@huanjie/domain';
import { writesNothing } from '@huanjie/domain';
import type { OperationDefinitionNode } from 'graphql';
import { Kind, OperationTypeNode } from 'graphql';
import { TransactionRollbackError, sql } from 'drizzle-orm';
import type { Context } from './context.js';
import type { CampaignEvent, EventBus } from './events/event-bus.js';
import { publishSafely } from './events/event-bus.js';
import { resolveSession } from './modules/auth/auth.service.js';

/** The database role every request runs as; row-level security applies to it (migration row_level_security). */
export const REQUEST_ROLE = 'huanjie_request';

export interface RequestTransaction {
  /** The request's handle: a transaction whose nested transactions are savepoints. */
  db: Db;
  /** Commits (or rolls back) and returns the connection; resolves once that is done. */
  finish: (commit: boolean) => Promise<void>;
}

/** What the row-level security policies read: the actor's scope roots and home region. */
export function scopeSettings(actor: Actor | null): { scope: string; home: string } {
  return { scope: actor?.scopeRoots.join(',') ?? '', home: actor?.homePath ?? '' };
}

/**
 * Switches the transaction to the request role and sets the actor's scope and session, in one
 * statement: set_config('role', …, true) is SET LOCAL ROLE. The account functions (sign-out,
 * password, managing accounts) act only for the session whose token hash is huanjie.session: a
 * session id alone, which the request role could guess, names no one.
 */
async function enterRequestRole(
  tx: Db,
  actor: Actor | null,
  sessionTokenHash: string | null,
): Promise<void> {
  const settings = scopeSettings(actor);
  await tx.execute(
    sql`select set_config('role', ${REQUEST_ROLE}, true), set_config('huanjie.scope', ${settings.scope}, true), set_config('huanjie.home', ${settings.home}, true), set_config('huanjie.session', ${sessionTokenHash ?? ''}, true)`,
  );
}

/**
 * A sign-in request starts without a scope; what it returns about the new user (their home
 * region) is read with the scope of the session it just opened. The session is resolved the way
 * every request's is (through huanjie_session, which the request role may call), inside this
 * transaction, which alone sees the new session row yet.
 */
export async function scopeToNewSession(
  tx: Db,
  resolve: (db: Db) => Promise<{ actor: Actor; tokenHash: string } | null>,
): Promise<void> {
  const session = await resolve(tx);
  await enterRequestRole(tx, session?.actor ?? null, session?.tokenHash ?? null);
}

/**
 * Opens the transaction one request's database work runs in: as the request role, with the
 * actor's region scope set for the row-level security policies (no actor: no scope, so the
 * policed tables show nothing). On PGlite, which has one connection, an open transaction holds
 * every other query back, so requests are serialized there.
 */
export async function beginRequestTransaction(
  database: Database,
  actor: Actor | null,
  options: { ownAccountOnly?: boolean; sessionTokenHash?: string | null } = {},
): Promise<RequestTransaction> {
  const readOnly = actor !== null && writesNothing(actor.role) && !options.ownAccountOnly;
  let ready!: (db: Db) => void;
  const handle = new Promise<Db>((resolve) => {
    ready = resolve;
  });
  let end!: (commit: boolean) => void;
  const ended = new Promise<boolean>((resolve) => {
    end = resolve;
  });
  // On PostgreSQL the request holds a connection of its own, and ends only once the statements
  // of resolvers still running after the answer (siblings of a failed non-null field) have run.
  const lease = database.lease ? await database.lease() : undefined;
  const done = (lease?.db ?? database.db)
    .transaction(
      async (tx) => {
        await enterRequestRole(tx, actor, options.sessionTokenHash ?? null);
        ready(serializeNestedTransactions(tx));
        const commit = await ended;
        await lease?.settle();
        if (!commit) tx.rollback();
      },
      readOnly ? { accessMode: 'read only' } : undefined,
    )
    .catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    })
    .finally(() => lease?.release());
  // A transaction that fails to open (no connection, no role) rejects here instead of hanging.
  const db = await Promise.race([
    handle,
    done.then(() => {
      throw new Error('request transaction ended before it was used');
    }),
  ]);
  return {
    db,
    finish: async (commit) => {
      end(commit);
      await done;
    },
  };
}

/**
 * Sibling resolvers run concurrently on the one connection; drizzle names savepoints by depth, so
 * two services' transactions open side by side would share a name and could roll back each
 * other's work. They take turns instead.
 */
function serializeNestedTransactions(tx: Db): Db {
  const nested = tx.transaction.bind(tx);
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn: typeof tx.transaction = (run, config) => {
    const result = turn.then(() => nested(run, config));
    turn = result.catch(() => undefined);
    return result;
  };
  return Object.assign(tx, { transaction: inTurn });
}

/** A handle for after the request's transaction ended: any use is a bug, and says so. */
export const closedDb: Db = new Proxy(Object.create(null) as Db, {
  get: () => {
    throw new Error('database used outside the request transaction');
  },
});

/**
 * Campaign events wait for the commit: queued while the request runs, published once its
 * transaction has committed, dropped when it rolled back.
 */
export function deferredEvents(bus: EventBus): { events: EventBus; flush: () => Promise<void> } {
  const queued: CampaignEvent[] = [];
  return {
    events: {
      ...bus,
      publish: (event) => {
        queued.push(event);
        return Promise.resolve();
      },
    },
    flush: async () => {
      for (const event of queued.splice(0)) await publishSafely(bus, event);
    },
  };
}

/**
 * The mutations that touch only the caller's own account. A role that writes nothing in the regions
 * (writesNothing) still changes its password and signs out; every other request of it is read-only.
 */
const OWN_ACCOUNT_MUTATIONS = new Set(['login', 'changePassword', 'logout', 'logoutEverywhere']);

function touchesOwnAccountOnly(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== OperationTypeNode.MUTATION) return false;
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD &&
      (selection.name.value === '__typename' || OWN_ACCOUNT_MUTATIONS.has(selection.name.value)),
  );
}

/**
 * Runs each GraphQL operation over HTTP in one request transaction (see beginRequestTransaction):
 * opened when execution starts (after parsing and validation, so a malformed request holds no
 * connection), committed before the response is sent. It commits even when a field failed: each
 * service's own transaction is a savepoint that already rolled back its part, and what the
 * request wrote outside one (a failed login attempt, for throttling) must stay, as it did when
 * every statement committed on its own. A statement that failed outside a savepoint leaves the
 * transaction aborted, and PostgreSQL turns that COMMIT into a rollback.
 */
export function requestTransactionPlugin(database: Database): ApolloServerPlugin<Context> {
  return {
    requestDidStart: () => {
      let open: { transaction: RequestTransaction; flush: () => Promise<void> } | undefined;
      return Promise.resolve({
        executionDidStart: async ({ contextValue, operation }) => {
          const transaction = await beginRequestTransaction(database, contextValue.actor, {
            ownAccountOnly: touchesOwnAccountOnly(operation),
            sessionTokenHash: contextValue.sessionTokenHash,
          });
          const deferred = deferredEvents(contextValue.events);
          open = { transaction, flush: deferred.flush };
          contextValue.db = transaction.db;
          contextValue.events = deferred.events;
          contextValue.adoptSession = (token, app) =>
            scopeToNewSession(transaction.db, (db) =>
              resolveSession(db, token, app, contextValue.clock.now()),
            );
        },
        willSendResponse: async ({ contextValue }) => {
          if (!open) return;
          const { transaction, flush } = open;
          open = undefined;
          contextValue.db = closedDb;
          await transaction.finish(true);
          await flush();
        },
      });
    },
  };
}
