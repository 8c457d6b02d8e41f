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
  /** The same migrated, before the demo was seeded: an empty installation (StackOptions.empty). */
  emptyTemplate: Template;
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
  let emptyTemplate: SuiteSetup['template'] | undefined;
  const removeDirs = () => {
    rmSync(runDir, { recursive: true, force: true });
    rmSync(apiDir, { recursive: true, force: true });
  };
  // Ctrl+C ends vitest without its teardown; the next run drops what a killed one left behind
  process.on('exit', removeDirs);
  const teardown = async () => {
    for (const t of [template, emptyTemplate]) {
      if (t && 'url' in t) {
        await adminQuery(t.url, `DROP DATABASE IF EXISTS "${t.name}" WITH (FORCE)`);
      }
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
    const seeded = await seedTemplate(runDir, (empty) => {
      emptyTemplate = empty;
    });
    template = seeded.template;
    project.provide('suite', {
      apiMain: join(apiDir, 'main.js'),
      appDirs,
      template,
      emptyTemplate: seeded.emptyTemplate,
      regionIds: seeded.regionIds,
      runDir,
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/**
 * The full demo (campaign under way, guidance teams, results) on NOW's day, and one village's
 * election held that day; and, copied before the demo goes in, the migrated empty database
 * (`created` hears of it at once, so that a failure later still removes it).
 */
async function seedTemplate(runDir: string, created: (empty: Template) => void) {
  const adminUrl = process.env.DATABASE_URL;
  const template: SuiteSetup['template'] = adminUrl
    ? { url: adminUrl, name: postgresName('tpl') }
    : { dataDir: join(runDir, 'template') };
  const emptyTemplate: SuiteSetup['template'] = adminUrl
    ? { url: adminUrl, name: postgresName('empty') }
    : { dataDir: join(runDir, 'empty') };
  if ('url' in template) await adminQuery(template.url, `CREATE DATABASE "${template.name}"`);
  await withDatabase(template, (database) => migrate(database));
  if ('url' in template && 'url' in emptyTemplate) {
    await adminQuery(
      template.url,
      `CREATE DATABASE "${emptyTemplate.name}" TEMPLATE "${template.name}"`,
    );
  } else if ('dataDir' in template && 'dataDir' in emptyTemplate) {
    cpSync(template.dataDir, emptyTemplate.dataDir, { recursive: true });
  }
  created(emptyTemplate);
  const regionIds = await withDatabase(template, async (database) => {
    const demo = await seedDemo(database.db, { today: NOW });
    await openElectionToday(database.db, demo, openElectionVillageKey(generateDemoCounty()), NOW);
    return Object.fromEntries(demo.regionIds);
  });
  return { template, emptyTemplate, regionIds };
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
