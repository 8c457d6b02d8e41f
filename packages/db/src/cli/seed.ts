import { count } from 'drizzle-orm';
import { createDb } from '../client.js';
import { generateDemoCounty, seedDemo } from '../demo/index.js';
import { migrate } from '../migrate.js';
import { regions } from '../schema/regions.js';
import { cliArgs, databaseOptionsFromEnv, isEmptyInstall } from './options.js';

const args = cliArgs();
const database = await createDb(databaseOptionsFromEnv());
try {
  await migrate(database);
  if (args.empty || isEmptyInstall()) {
    // an empty installation: the schema only; the first admin comes from create-admin
    process.stdout.write('empty installation: migrated, no demo data\n');
  } else {
    const [existing] = await database.db.select({ n: count() }).from(regions);
    if (args['if-empty'] && (existing?.n ?? 0) > 0) {
      process.stdout.write(`database already holds ${existing?.n} regions; not seeding again\n`);
    } else {
      const options = {
        seed: args.seed ? Number(args.seed) : undefined,
        villages: args.villages ? Number(args.villages) : undefined,
      };
      const demo = generateDemoCounty(options);
      const started = performance.now();
      const inserted = await seedDemo(database.db, options);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `seeded ${demo.regions.length} regions and ${inserted.userIds.size} users in ${seconds}s (${database.driver})\n`,
      );
    }
  }
} finally {
  await database.close();
}
