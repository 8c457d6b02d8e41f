import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // views live apart from the tables so that relations (and Pothos) only see tables
  schema: ['./src/schema/index.ts', './src/views/index.ts'],
  out: './migrations',
});
