/**
 * Load generator, run as a child process so it does not share the server's event loop or its
 * memory figures: a short warm-up, then `BENCH_SECONDS` of load with `BENCH_CONNECTIONS`
 * connections on `BENCH_URL` (with the headers in `BENCH_HEADERS`, JSON). Prints one JSON line: requests per second and latency percentiles.
 */
import autocannon, { type Result } from 'autocannon';

export interface LoadResult {
  url: string;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** Request headers from BENCH_HEADERS (JSON), e.g. the Accept-Encoding a browser sends. */
const HEADERS = JSON.parse(process.env.BENCH_HEADERS ?? '{}') as Record<string, string>;

function run(url: string, connections: number, seconds: number, onLatency?: (ms: number) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, timeout: 10, headers: HEADERS }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
    if (onLatency) instance.on('response', (_c, _status, _bytes, ms) => onLatency(ms));
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_URL;
  if (!url || !/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error('BENCH_URL must be a loopback URL (http://127.0.0.1:port/…)');
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  await run(url, connections, 1); // warm-up: JIT, connection set-up, caches
  const latencies: number[] = [];
  const result = await run(url, connections, seconds, (ms) => latencies.push(ms));
  const sorted = Float64Array.from(latencies).sort();
  const out: LoadResult = {
    url,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`load generator failed: ${(err as Error).message}\n`);
  process.exit(1);
});
