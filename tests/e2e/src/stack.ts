import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { PreviewServer } from 'vite';
import { preview } from 'vite';
import { afterAll, beforeAll, inject } from 'vitest';
import { NOW } from './clock.js';
import type { Database } from '@huanjie/db';
import { copyEmptyTemplate, copyTemplate } from './databases.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const APPS = ['village', 'township', 'county'] as const;
export type AppName = (typeof APPS)[number];

/**
 * Preloaded into the API (node --import): this worker holds the other end of an IPC channel,
 * which closes however the worker ends (done, failed, Ctrl+C or killed); the API then stops the
 * way SIGTERM stops it, and exits anyway if that hangs.
 */
const DIE_WITH_PARENT = `data:text/javascript,${encodeURIComponent(`
  if (process.channel) {
    process.channel.unref();
    process.once('disconnect', () => {
      setTimeout(() => process.exit(1), 10000).unref();
      process.kill(process.pid, 'SIGTERM');
    });
  }`)}`;

/** What one test file works against: its own database, API and three apps. */
export interface Stack {
  apiUrl: string;
  appUrls: Record<AppName, string>;
  /** Database ids of demo regions, by the generator's key (e.g. "t01v001"); none when empty. */
  regionIds: Record<string, number>;
  /** What the API's clock reads: NOW when it started, running on since. */
  now: () => Date;
}

export interface StackOptions {
  /**
   * An empty installation instead of the demo: a copy of the migrated database with nothing in it
   * but what this puts there (the first admin), before the API starts.
   */
  empty?: (database: Database) => Promise<void>;
}

/**
 * Gives the test file a stack of its own: before its tests, a fresh copy of the seeded template
 * database (or an empty one: StackOptions.empty), an API on it whose clock starts at NOW, and the
 * three built apps served by Vite's preview server proxying to that API (ports chosen by the
 * system); after them, all of it gone. Use the returned object inside hooks and tests (it is
 * filled in before they run).
 */
export function useStack(options: StackOptions = {}): Stack {
  const stack = {} as Stack;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    Object.assign(stack, await startStack(cleanups, options));
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return stack;
}

async function startStack(
  cleanups: (() => Promise<void>)[],
  options: StackOptions,
): Promise<Stack> {
  const suite = inject('suite');
  const fileDir = mkdtempSync(join(suite.runDir, 'file-'));
  cleanups.push(() => {
    rmSync(fileDir, { recursive: true, force: true });
    return Promise.resolve();
  });
  const database = options.empty
    ? await copyEmptyTemplate(suite.emptyTemplate, join(fileDir, 'pglite'), options.empty)
    : await copyTemplate(suite.template, join(fileDir, 'pglite'));
  cleanups.push(database.dispose);
  const startedAt = Date.now();
  const api = await startApi(suite.apiMain, { ...database.env, HUANJIE_NOW: NOW.toISOString() });
  cleanups.push(api.stop);
  const servers = await Promise.all(
    APPS.map(async (app) => {
      const server = await servePreview(app, suite.appDirs[app], api.url);
      cleanups.push(() => server.close());
      return server;
    }),
  );
  return {
    apiUrl: api.url,
    appUrls: Object.fromEntries(
      APPS.map((app, i) => [app, (servers[i]?.resolvedUrls?.local[0] ?? '').replace(/\/$/, '')]),
    ) as Record<AppName, string>,
    regionIds: options.empty ? {} : suite.regionIds,
    now: () => new Date(NOW.getTime() + Date.now() - startedAt),
  };
}

/**
 * The built API on a port of its choosing (read from its "api.listening" log line), in its own
 * process, which ends with this worker however the worker ends (DIE_WITH_PARENT).
 */
async function startApi(main: string, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', DIE_WITH_PARENT, '--max-semi-space-size=32', main],
    {
      cwd: ROOT,
      env: {
        AUDIT_CHAIN_KEY: 'huanjie-e2e-audit-chain-key-not-a-secret',
        ...process.env,
        ...env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
      },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    },
  );
  const stop = () => stopProcess(child);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const lines: string[] = [];
      if (!child.stderr) throw new Error('the API was started without a stderr pipe');
      createInterface({ input: child.stderr }).on('line', (line) => {
        const event = parseLogLine(line);
        if (event?.event === 'api.listening' && typeof event.url === 'string') {
          resolve(event.url.replace(/\/graphql$/, ''));
        } else if (event?.level !== 'info') {
          lines.push(line);
          process.stderr.write(`[api] ${line}\n`);
        }
      });
      child.once('exit', (code, signal) => {
        reject(
          new Error(
            `the API exited (${String(code ?? signal)}) before listening:\n${lines.join('\n')}`,
          ),
        );
      });
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function parseLogLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** SIGTERM (the API closes its database), then SIGKILL if it is still there after 15 s. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** One app's built pages, from this run's copy, with /graphql and /exports proxied to the file's API. */
function servePreview(app: AppName, outDir: string, apiUrl: string): Promise<PreviewServer> {
  return preview({
    root: join(ROOT, 'apps', app),
    logLevel: 'warn',
    build: { outDir },
    preview: {
      host: '127.0.0.1',
      port: 0,
      strictPort: true,
      proxy: {
        '/graphql': { target: apiUrl, ws: true, xfwd: true },
        '/exports': { target: apiUrl, xfwd: true },
      },
    },
  });
}
