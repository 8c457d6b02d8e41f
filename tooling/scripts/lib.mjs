// Helpers for the two top-level commands; plain Node, no dependencies, so they run before install.
import { spawn, spawnSync } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PNPM_VERSION = '10.34.9';

export function log(message) {
  process.stdout.write(`\x1b[36m[huanjie]\x1b[0m ${message}\n`);
}

/** Runs a command in the foreground; exits the whole script if it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    log(`failed: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

/** The pinned pnpm, through npx, so nothing needs to be installed globally. */
export function pnpm(args, options = {}) {
  run('npx', ['--yes', `pnpm@${PNPM_VERSION}`, ...args], options);
}

const groups = new Set();

/**
 * Runs the pinned pnpm in a process group of its own and resolves with its exit code. Everything
 * it starts (turbo, vitest and its workers, the APIs the browser tests start) is in that group
 * unless it makes its own: Ctrl+C or a CI timeout's SIGTERM is passed on to the group, which is
 * killed if it has not ended 30 s later; and when the step ends, or this script exits, whatever
 * is still in the group is killed, so no server a test started outlives `npm test`.
 */
export function pnpmInGroup(args) {
  stopGroupsWithThisProcess();
  const child = spawn('npx', ['--yes', `pnpm@${PNPM_VERSION}`, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    detached: true,
  });
  groups.add(child.pid);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      groups.delete(child.pid);
      signalGroup(child.pid, 'SIGKILL');
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

let watching = false;
function stopGroupsWithThisProcess() {
  if (watching) return;
  watching = true;
  let stopping = false;
  const killAll = () => {
    for (const pid of groups) signalGroup(pid, 'SIGKILL');
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      const code = 128 + constants.signals[signal];
      if (stopping) {
        killAll();
        process.exit(code);
      }
      stopping = true;
      log(`${signal}: stopping`);
      for (const pid of groups) signalGroup(pid, signal);
      setTimeout(() => {
        killAll();
        process.exit(code);
      }, 30_000).unref();
    });
  }
  process.on('exit', killAll);
}

export function install() {
  log(`installing dependencies with pnpm ${PNPM_VERSION}`);
  pnpm(['install', '--frozen-lockfile', '--prefer-offline']);
}

export function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    ...options,
  });
  child.on('exit', (code, signal) => {
    if (signal === null && code !== 0) log(`${name} exited with code ${code}`);
  });
  return child;
}

export async function waitForUrl(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

export const PORTS = {
  api: Number(process.env.HUANJIE_API_PORT ?? 4000),
  village: Number(process.env.HUANJIE_VILLAGE_PORT ?? 5101),
  township: Number(process.env.HUANJIE_TOWNSHIP_PORT ?? 5102),
  county: Number(process.env.HUANJIE_COUNTY_PORT ?? 5103),
};
