// `npm test`: every unit and API test (turbo), then the browser tests against the built apps.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, install, log, pnpm, run } from './lib.mjs';

const started = Date.now();
install();
clearResults();

log(`unit and API tests on ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}`);
pnpm(['turbo', 'run', 'test', '--output-logs=full', '--concurrency=2']);

log('building the API and the three apps for the browser tests');
pnpm(['turbo', 'run', 'build', '--output-logs=errors-only']);
ensureChromium();
log('browser tests (Debian Chromium driven by playwright-core)');
pnpm(['--filter', '@huanjie/e2e', 'run', 'test:e2e']);

const { passed, failed, skipped, files } = readResults();
const seconds = Math.round((Date.now() - started) / 1000);
log(`${files} test files, ${passed + failed + skipped} tests in ${seconds}s`);
process.stdout.write(
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
);
process.exit(failed > 0 ? 1 : 0);

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

function resultFiles() {
  return ['apps', 'packages', 'tests'].flatMap((group) =>
    readdirSync(join(ROOT, group), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(ROOT, group, d.name, '.test-results.json'))
      .filter((file) => existsSync(file)),
  );
}

function clearResults() {
  for (const file of resultFiles()) rmSync(file);
}

function readResults() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let files = 0;
  for (const file of resultFiles()) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    files += report.numTotalTestSuites === undefined ? 0 : report.testResults.length;
  }
  return { passed, failed, skipped, files };
}
