import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { BenchOptionError, ensurePortFree, readOptions } from './options.js';

describe('bench options', () => {
  it('defaults to 50 connections, 3 s warm-up and 10 s measured, or no warm-up and 3 s with --quick', () => {
    expect(readOptions([])).toMatchObject({
      connections: 50,
      warmupSeconds: 3,
      durationSeconds: 10,
      port: null,
      quick: false,
    });
    expect(readOptions(['--quick'])).toMatchObject({ warmupSeconds: 0, durationSeconds: 3 });
  });

  it.each([
    [['--duration', '0'], '--duration must be a whole number from 1 to 600; it is "0"'],
    [['--connections', 'many'], '--connections must be a whole number from 1 to 1000'],
    [['--port', '80'], '--port must be a whole number from 1024 to 65535'],
    [['--seed', '1.5'], '--seed must be a whole number'],
    [['--fast'], "Unknown option '--fast'"],
  ])('refuses %j with a message saying what is wrong', (args, message) => {
    expect(() => readOptions(args)).toThrow(BenchOptionError);
    expect(() => readOptions(args)).toThrow(message);
  });
});

describe('a port asked for with --port', () => {
  it('is refused, saying so, when something already listens on it', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      await expect(ensurePortFree(port)).rejects.toThrow(
        `Port ${port} is in use. Choose another with --port`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    await expect(ensurePortFree(port)).resolves.toBeUndefined();
  });
});
