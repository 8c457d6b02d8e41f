import { createDb } from '../client.js';
import { migrate } from '../migrate.js';
import { databaseOptionsFromEnv } from './options.js';

const database = await createDb(databaseOptionsFromEnv());
await migrate(database);
await database.close();
process.stdout.write(`migrated (${database.driver})\n`);
