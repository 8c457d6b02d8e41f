// `npm test`: every unit and API test (turbo), then the browser tests against the built apps.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, install, log, pnpmInGroup, run } from './lib.mjs';

const started = Date.now();
// Each package writes its results to a file named for this run, so that a second `npm test` in
// the same checkout neither reads nor deletes this one's.
const resultsName = `.test-results-${process.pid}-${randomBytes(3).toString('hex')}.json`;
const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${resultsName}`];
process.on('exit', removeResults);

install();

log(`unit and API tests on ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}`);
await step(['turbo', 'run', 'test', '--output-logs=full', '--concurrency=2', '--', ...reporters]);

log('building the API and the three apps for the browser tests');
await step(['turbo', 'run', 'build', '--output-logs=errors-only']);
ensureChromium();
log('browser tests (Debian Chromium driven by playwright-core)');
await step(['--filter', '@huanjie/e2e', 'run', 'test:e2e', ...reporters]);

const { passed, failed, skipped, files } = readResults();
const seconds = Math.round((Date.now() - started) / 1000);
log(`${files} test files, ${passed + failed + skipped} tests in ${seconds}s`);
process.stdout.write(
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
);
process.exit(failed > 0 ? 1 : 0);

/** A step that fails ends `npm test` with its exit code (tests that failed are listed above it). */
async function step(args) {
  const code = await pnpmInGroup(args);
  if (code !== 0) {
    log(`failed: pnpm ${args.join(' ')}`);
    process.exit(code);
  }
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  log("Chromium is missing: installing Debian's chromium package");
  const root = spawnSync('id', ['-u']).stdout.toString().trim() === '0';
  const sudo = root ? [] : ['sudo'];
  run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(root ? [] : ['apt-get']), 'update'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  run(
    sudo[0] ?? 'apt-get',
    [...(root ? [] : ['apt-get']), 'install', '-y', '--no-install-recommends', 'chromium'],
    {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    },
  );
}

/** Workspace packages with tests: a `test` script (turbo runs it) or `test:e2e` (run above). */
function testedPackages() {
  return ['apps', 'packages', 'tests'].flatMap((group) =>
    readdirSync(join(ROOT, group), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(ROOT, group, d.name, 'package.json')))
      .map((d) => join(ROOT, group, d.name))
      .filter((dir) => {
        const { scripts = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        return 'test' in scripts || 'test:e2e' in scripts;
      }),
  );
}

function removeResults() {
  for (const dir of testedPackages()) rmSync(join(dir, resultsName), { force: true });
}

function readResults() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let files = 0;
  for (const dir of testedPackages()) {
    const file = join(dir, resultsName);
    if (!existsSync(file)) {
      // a package whose tests did not report counts as failed, never as passed by omission
      log(
        `no test results from ${dir.slice(ROOT.length)}: its test script must take vitest's options`,
      );
      failed += 1;
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    files += report.testResults.length;
  }
  return { passed, failed, skipped, files };
}
