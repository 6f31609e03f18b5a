/** `npm run bench` options, checked before anything starts, with a clear message for each. */
import net from 'node:net';
import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** MASA's port; null picks a free one. */
  port: number | null;
  seed: number;
  /** Only pages whose name or path contains this (while investigating one page). */
  only: string | null;
  /** Write a CPU profile of the server to bench/profiles/. */
  profile: boolean;
}

export class BenchOptionError extends Error {}

function wholeNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
) {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new BenchOptionError(
      `--${name} must be a whole number from ${min} to ${max}; it is "${value}"`,
    );
  return number;
}

export function readOptions(args: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        quick: { type: 'boolean', default: false },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        port: { type: 'string' },
        seed: { type: 'string' },
        only: { type: 'string' },
        profile: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new BenchOptionError((error as Error).message);
  }
  const quick = values.quick;
  return {
    quick,
    connections: wholeNumber('connections', values.connections, 50, 1, 1000),
    warmupSeconds: wholeNumber('warmup', values.warmup, quick ? 0 : 3, 0, 600),
    durationSeconds: wholeNumber('duration', values.duration, quick ? 3 : 10, 1, 600),
    port: values.port === undefined ? null : wholeNumber('port', values.port, 0, 1024, 65535),
    seed: wholeNumber('seed', values.seed, 1, 0, 2 ** 31 - 1),
    only: values.only ?? null,
    profile: values.profile,
  };
}

/** Refuses a port something else listens on, before anything is started. */
export function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () =>
      reject(
        new BenchOptionError(
          `Port ${port} is in use. Choose another with --port, or leave --port out and a free port is picked.`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
