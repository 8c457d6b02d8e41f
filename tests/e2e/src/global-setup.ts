import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '@huanjie/db';
import {
  generateDemoCounty,
  openElectionToday,
  openElectionVillageKey,
  seedDemo,
} from '@huanjie/db/demo';
import type { TestProject } from 'vitest/node';
import { NOW } from './clock.js';
import type { Template } from './databases.js';
import {
  adminQuery,
  dropStaleDatabases,
  isAlive,
  postgresName,
  withDatabase,
} from './databases.js';
import { APPS, ROOT } from './stack.js';

/** What global setup hands every test file: see stack.ts for how a file uses it. */
export interface SuiteSetup {
  /** This run's copies of the built API (dist/main.js) and apps (dist/), safe from a rebuild. */
  apiMain: string;
  appDirs: Record<(typeof APPS)[number], string>;
  /** The seeded database each file copies: a PGlite data directory, or a PostgreSQL template. */
  template: Template;
  /** Database ids of demo regions, by the generator's key (e.g. "t01v001"); the same in every copy. */
  regionIds: Record<string, number>;
  /** Where a file keeps what it leaves for a reader (screenshots of a failed step). */
  runDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    suite: SuiteSetup;
  }
}

/**
 * Once per run: copies the built API and apps (a build running beside the suite cannot change
 * them under it), and seeds the demo county on NOW's day into a template database. Each test file
 * then starts its own API on a fresh copy of that template (stack.ts), so no file sees another's
 * data, whatever order they run in.
 */
export default async function setup(project: TestProject) {
  sweepStaleRuns();
  if (process.env.DATABASE_URL) await dropStaleDatabases(process.env.DATABASE_URL);
  const runDir = mkdtempSync(join(tmpdir(), `huanjie-e2e-${process.pid}-`));
  // The API's bundle loads its packages from apps/api/node_modules, so its copy lives below it.
  const apiDir = join(ROOT, 'apps/api/node_modules/.cache/huanjie-e2e', `${process.pid}`);
  let template: SuiteSetup['template'] | undefined;
  const removeDirs = () => {
    rmSync(runDir, { recursive: true, force: true });
    rmSync(apiDir, { recursive: true, force: true });
  };
  // Ctrl+C ends vitest without its teardown; the next run drops what a killed one left behind
  process.on('exit', removeDirs);
  const teardown = async () => {
    if (template && 'url' in template) {
      await adminQuery(template.url, `DROP DATABASE IF EXISTS "${template.name}" WITH (FORCE)`);
    }
    removeDirs();
  };
  try {
    mkdirSync(apiDir, { recursive: true });
    for (const file of ['main.js', 'main.js.map']) {
      cpSync(join(ROOT, 'apps/api/dist', file), join(apiDir, file));
    }
    const appDirs = Object.fromEntries(
      APPS.map((app) => {
        const copy = join(runDir, 'apps', app);
        cpSync(join(ROOT, 'apps', app, 'dist'), copy, { recursive: true });
        return [app, copy];
      }),
    ) as SuiteSetup['appDirs'];
    const seeded = await seedTemplate(runDir);
    template = seeded.template;
    project.provide('suite', {
      apiMain: join(apiDir, 'main.js'),
      appDirs,
      template,
      regionIds: seeded.regionIds,
      runDir,
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** The full demo (campaign under way, guidance teams, results) on NOW's day, and one village's election held that day. */
async function seedTemplate(runDir: string) {
  const adminUrl = process.env.DATABASE_URL;
  const template: SuiteSetup['template'] = adminUrl
    ? { url: adminUrl, name: postgresName('tpl') }
    : { dataDir: join(runDir, 'template') };
  if ('url' in template) await adminQuery(template.url, `CREATE DATABASE "${template.name}"`);
  const regionIds = await withDatabase(template, async (database) => {
    await migrate(database);
    const demo = await seedDemo(database.db, { today: NOW });
    await openElectionToday(database.db, demo, openElectionVillageKey(generateDemoCounty()), NOW);
    return Object.fromEntries(demo.regionIds);
  });
  return { template, regionIds };
}

/** A run that was killed leaves its copies behind: remove those whose process is gone. */
function sweepStaleRuns() {
  const parent = join(ROOT, 'apps/api/node_modules/.cache/huanjie-e2e');
  if (!existsSync(parent)) return;
  for (const pid of readdirSync(parent)) {
    if (!isAlive(Number(pid))) rmSync(join(parent, pid), { recursive: true, force: true });
  }
  for (const dir of readdirSync(tmpdir())) {
    const pid = /^huanjie-e2e-(\d+)-/.exec(dir)?.[1];
    if (pid && !isAlive(Number(pid))) rmSync(join(tmpdir(), dir), { recursive: true, force: true });
  }
}
