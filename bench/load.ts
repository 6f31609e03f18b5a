/**
 * The load generator, run by bench/run.ts in a child process of its own, so that autocannon's
 * client work neither shares the server's event loop nor counts in the server's memory.
 * It takes one job over IPC, runs autocannon once and sends the figures back.
 */
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  /** Responses of any status completed in the window. */
  responses: number;
  durationSeconds: number;
  requestsPerSecond: number;
  /** Of 2xx responses only (as autocannon does), exact from every sample; null when none. */
  latencyMs: { p50: number; p95: number; p99: number; max: number } | null;
  /** Connection errors, including timeouts. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export type LoadMessage = { ok: true; result: LoadResult } | { ok: false; error: string };

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: Float64Array, p: number) {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function runLoad(job: LoadJob): Promise<LoadResult> {
  let latencies = new Float64Array(1 << 16);
  let samples = 0;
  const statusCodes: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.durationSeconds,
        headers: job.headers,
        timeout: 10,
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const sorted = latencies.subarray(0, samples).sort();
        resolve({
          responses: result.requests.total,
          durationSeconds: result.duration,
          requestsPerSecond: round(result.requests.total / result.duration),
          latencyMs:
            samples === 0
              ? null
              : {
                  p50: round(percentile(sorted, 50)),
                  p95: round(percentile(sorted, 95)),
                  p99: round(percentile(sorted, 99)),
                  max: round(sorted[samples - 1]!),
                },
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          statusCodes,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode < 200 || statusCode > 299) return;
      if (samples === latencies.length) {
        const bigger = new Float64Array(latencies.length * 2);
        bigger.set(latencies);
        latencies = bigger;
      }
      latencies[samples++] = responseTime;
    });
  });
}

if (process.send) {
  process.once('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send!({ ok: true, result } satisfies LoadMessage),
      (error: unknown) => process.send!({ ok: false, error: String(error) } satisfies LoadMessage),
    );
  });
  // The parent going away ends this process too.
  process.once('disconnect', () => process.exit(0));
} else {
  console.error('bench/load.ts is started by bench/run.ts (npm run bench), not on its own.');
  process.exitCode = 1;
}
