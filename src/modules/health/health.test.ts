import net from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { connect } from '../../db/client.js';
import { registerGuard } from '../../platform/http/guard.js';
import { createTestApp } from '../../testing/app.js';
import { freePort } from '../../testing/free-port.js';
import { healthRoutes } from './health.routes.js';

const { app } = await createTestApp();

describe('GET /health', () => {
  it('answers 200 with JSON when the database answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 when the database does not', async () => {
    const deadPool = new pg.Pool({
      connectionString: `postgres://nobody:x@127.0.0.1:${await freePort()}/masa`,
      connectionTimeoutMillis: 500,
    });
    const bare = Fastify();
    registerGuard(bare);
    healthRoutes(bare, deadPool);
    const response = await bare.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable', database: 'down' });
    await deadPool.end();
  });

  it('answers 503 within 5 seconds when the database accepts connections but never answers', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const hanging = connect(`postgres://nobody:x@127.0.0.1:${port}/masa`, 2);
    const bare = Fastify();
    registerGuard(bare);
    healthRoutes(bare, hanging.pool);
    try {
      const asked = Date.now();
      const response = await bare.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(503);
      expect(Date.now() - asked).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await hanging.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
