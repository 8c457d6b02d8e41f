import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../graphql/schema.js';

const file = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
const printed = `${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  const committed = readFileSync(file, 'utf8');
  if (committed !== printed) {
    console.error(
      'apps/api/schema.graphql is out of date: run `pnpm --filter @huanjie/api schema:print`',
    );
    process.exit(1);
  }
  process.stdout.write('schema.graphql is up to date\n');
} else {
  writeFileSync(file, printed);
  process.stdout.write(`wrote ${file}\n`);
}
