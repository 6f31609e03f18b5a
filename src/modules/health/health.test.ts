import Fastify from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
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
});
