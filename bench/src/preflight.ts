import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where the app measurements find Chromium: Debian's chromium package, or HUANJIE_CHROMIUM. */
export function chromiumPath(): string {
  return process.env.HUANJIE_CHROMIUM ?? '/usr/bin/chromium';
}

const APT_COMMAND =
  'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium';

/**
 * Makes sure Chromium is there before the bench starts anything (the app measurements come last,
 * after minutes of load): installs Debian's chromium package as `npm test` does
 * (tooling/scripts/test.mjs) when it may (root, or sudo without a password), and otherwise stops
 * with the exact command to run.
 */
export function ensureChromium(log: (line: string) => void): void {
  const path = chromiumPath();
  if (existsSync(path)) return;
  if (process.env.HUANJIE_CHROMIUM) {
    throw new Error(`HUANJIE_CHROMIUM=${path}: no such file. Point it at a Chromium binary.`);
  }
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!root && !sudo) {
    throw new Error(`Chromium is missing (${path}). Install it with:\n  ${APT_COMMAND}`);
  }
  log(`Chromium is missing: installing Debian's chromium package (${APT_COMMAND})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
  ]) {
    const [command = '', ...rest] = root ? args : ['sudo', '-n', ...args];
    const done = spawnSync(command, rest, { stdio: 'inherit', env });
    if (done.status !== 0) {
      throw new Error(`${args.join(' ')} failed; install Chromium yourself:\n  ${APT_COMMAND}`);
    }
  }
  if (!existsSync(path)) throw new Error(`chromium installed but ${path} is still missing`);
}
