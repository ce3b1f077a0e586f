import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LoadResult } from './load.ts';

/** Run the load generator (bench/load.ts) in a child process against one URL, so it does not share the server's event loop. */
export function loadInChild(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load.ts')], {
      env: {
        ...process.env,
        BENCH_URL: url,
        BENCH_CONNECTIONS: String(connections),
        BENCH_SECONDS: String(seconds),
        BENCH_HEADERS: JSON.stringify(headers),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as LoadResult);
      } catch {
        reject(new Error('load generator printed no result'));
      }
    });
  });
}
