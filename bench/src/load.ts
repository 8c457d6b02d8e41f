import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadSpec } from './load-worker.js';
import type { RunOutcome } from './load-run.js';

const running = new Set<ChildProcess>();

/** Ends a load worker still running (Ctrl+C during a scenario). */
export function stopLoads(): void {
  for (const child of running) child.kill('SIGTERM');
}

/** Runs one load in a second process (load-worker.ts), so the generator never shares our event loop. */
export async function runLoad(benchDir: string, spec: LoadSpec): Promise<RunOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'huanjie-bench-'));
  const specPath = join(dir, 'spec.json');
  writeFileSync(specPath, JSON.stringify(spec));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/load-worker.ts', specPath], {
        cwd: benchDir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
      child.once('error', reject);
      child.once('exit', (code) => {
        running.delete(child);
        if (code === 0) resolve(stdout);
        else reject(new Error(`load worker exited with ${String(code)}:\n${stderr}`));
      });
    });
    const line = output.trim().split('\n').at(-1) ?? '';
    return JSON.parse(line) as RunOutcome;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
