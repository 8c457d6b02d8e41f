// The load generator: runs in its own process (the bench's "second process on loopback").
// Input: the path of a JSON file holding a LoadSpec; output: one JSON line of its outcome.
import { readFileSync } from 'node:fs';
import type { LoadSpec } from './load-run.js';
import { runLoadSpec } from './load-run.js';

export type { LoadSpec } from './load-run.js';

const specPath = process.argv[2];
if (!specPath) throw new Error('usage: load-worker <spec.json>');
const spec = JSON.parse(readFileSync(specPath, 'utf8')) as LoadSpec;
const result = await runLoadSpec(spec);
process.stdout.write(`${JSON.stringify(result)}\n`);
