/**
 * The baselines the benchmark measures on the same server as the pages (bench/README.md): a
 * static page of a given size; a page that runs one indexed query the way every MASA query
 * runs (in a transaction confined to a partnership) and renders a minimal template; and the
 * same query for a signed-in member, which adds what every signed-in page pays first (the
 * session read and the page's shared transaction). Only the benchmark's server
 * (bench/masa-server.ts) registers them; MASA itself never does.
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import nunjucks from 'nunjucks';
import { z } from 'zod';
import { inTenant, type Database } from '../src/db/client.js';
import { agency } from '../src/db/schema/index.js';
import { publicAccess, signedIn } from '../src/platform/policy.js';

const MAX_STATIC_BYTES = 2_000_000;

const staticQuery = z.object({ bytes: z.coerce.number().int().min(100).max(MAX_STATIC_BYTES) });
const oneQueryQuery = z.object({ partnership: z.uuid(), agency: z.uuid() });
const signedInQuery = z.object({ agency: z.uuid() });

const minimalPage = nunjucks.compile(
  '<!DOCTYPE html><html lang="en"><head><title>{{ name }}</title></head>' +
    '<body><main><h1>{{ name }}</h1><p>{{ agencyType }}</p></main></body></html>',
);

/** A page of exactly `bytes` bytes, made once per size. */
function staticPage(bytes: number) {
  const frame =
    '<!DOCTYPE html><html lang="en"><head><title>Static</title></head><body><p></p></body></html>';
  const filler = 'x'.repeat(Math.max(0, bytes - frame.length));
  return frame.replace('<p></p>', `<p>${filler}</p>`);
}

export function baselineRoutes(app: FastifyInstance, db: Database) {
  const pages = new Map<number, string>();
  app.get('/bench/static', { config: { policy: publicAccess } }, async (request, reply) => {
    const query = staticQuery.safeParse(request.query);
    if (!query.success)
      return reply.code(400).send(`bytes must be a whole number from 100 to ${MAX_STATIC_BYTES}`);
    const { bytes } = query.data;
    if (!pages.has(bytes)) pages.set(bytes, staticPage(bytes));
    return reply.type('text/html; charset=utf-8').send(pages.get(bytes));
  });
  const oneAgency = (partnershipId: string, agencyId: string) =>
    inTenant(db, { partnershipId, userId: null }, (tx) =>
      tx
        .select({ name: agency.name, agencyType: agency.agencyType })
        .from(agency)
        .where(eq(agency.id, agencyId)),
    );
  app.get('/bench/one-query', { config: { policy: publicAccess } }, async (request, reply) => {
    const query = oneQueryQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send('partnership and agency must be ids');
    const [found] = await oneAgency(query.data.partnership, query.data.agency);
    if (!found) return reply.code(404).send('no such agency in that partnership');
    return reply.type('text/html; charset=utf-8').send(minimalPage.render(found));
  });
  app.get('/bench/signed-in', { config: { policy: signedIn } }, async (request, reply) => {
    const query = signedInQuery.safeParse(request.query);
    if (!query.success) return reply.code(400).send('agency must be an id');
    const [found] = await oneAgency(request.principal!.partnershipId!, query.data.agency);
    if (!found) return reply.code(404).send('no such agency in your partnership');
    return reply.type('text/html; charset=utf-8').send(minimalPage.render(found));
  });
}
