import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { TenantContext } from '../../db/client.js';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser, type FixtureUser } from '../../testing/fixtures.js';
import type { GovernanceService } from '../governance/governance.service.js';

const clock = {
  at: null as Date | null,
  now() {
    return this.at ?? new Date();
  },
};
const { app, services, database } = await createTestApp({ clock });
const { governance } = services;

function created(outcome: { ok: true; value: { id: string } } | { ok: false; errors: object }) {
  if (!outcome.ok) throw new Error(`Fixture refused: ${JSON.stringify(outcome.errors)}`);
  return outcome.value.id;
}

const NO_DATES = {
  chairAppointedOn: null,
  chairReviewDueOn: null,
  viceChairPersonId: null,
  viceChairAppointedOn: null,
  viceChairReviewDueOn: null,
  businessOfficerPersonId: null,
  termsOfReferenceReviewDueOn: null,
};

/** A small fictional registry: three partners, two people, a body with a member and a deputy. */
async function registry(registryService: GovernanceService, context: TenantContext, place: string) {
  const agency = (name: string, agencyType: 'local_authority' | 'police' | 'health_commissioner') =>
    registryService.agencies
      .create(context, { name, agencyType, isSafeguardingPartner: true, isRelevantAgency: false })
      .then(created);
  const council = await agency(`${place} County Council`, 'local_authority');
  const police = await agency(`${place} Police`, 'police');
  const health = await agency(`${place} Integrated Care Board`, 'health_commissioner');
  const person = (fullName: string, email: string) =>
    registryService.people
      .create(context, {
        fullName,
        jobTitle: 'Director of Children’s Services',
        agencyId: council,
        email,
        phone: null,
        userId: null,
      })
      .then(created);
  const chair = await person(`${place} Chair Alex Morgan`, `alex.morgan@${place}.example`);
  const deputy = await person(`${place} Deputy Sam Patel`, `sam.patel@${place}.example`);
  const body = created(
    await registryService.bodies.create(context, {
      name: `${place} Safeguarding Children Partnership`,
      bodyType: 'partnership',
      reportsToId: null,
      purpose: 'Leads the arrangements.',
      cadence: 'quarterly',
      cadenceNote: null,
      chairPersonId: chair,
      ...NO_DATES,
      chairAppointedOn: '2026-04-01',
      chairReviewDueOn: '2027-04-01',
    }),
  );
  const membership = created(
    await registryService.memberships.create(context, {
      bodyId: body,
      personId: chair,
      status: 'safeguarding_partner',
      representsAgencyId: council,
      decisionMaking: true,
      startsOn: '2026-04-01',
      endsOn: null,
      inductionBooklet: true,
      inductionTemplates: false,
      inductionStandards: false,
      inductionReporting: false,
      inductionCompletedOn: null,
    }),
  );
  created(
    await registryService.memberships.addDeputy(context, membership, {
      personId: deputy,
      startsOn: '2026-05-01',
      endsOn: '2026-12-31',
    }),
  );
  return { council, police, health, chair, deputy, body, membership };
}

const northshire = await createPartnership(services);
const reader = await createUser(database.app.db, services, northshire.id, { roles: ['member'] });
const context = { partnershipId: northshire.id, userId: reader.userId };
const north = await registry(governance, context, 'Northshire');
const { token } = await services.apiTokens.create(context, { name: 'Tests' });

const southvale = await createPartnership(services, 'Southvale Safeguarding Partnership');
const southReader = await createUser(database.app.db, services, southvale.id, {
  roles: ['member'],
});
const south = await registry(
  governance,
  { partnershipId: southvale.id, userId: southReader.userId },
  'Southvale',
);

const call = (url: string, bearer: string | null = token) =>
  app.inject({ url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

async function tokenFor(user: FixtureUser, name = 'Tests') {
  return (
    await services.apiTokens.create(
      { partnershipId: user.partnershipId, userId: user.userId },
      { name },
    )
  ).token;
}

describe('the registry API with a personal token', () => {
  it('lists agencies as a page of JSON, with search', async () => {
    const response = await call('/api/v1/agencies');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const list = response.json();
    expect(list).toMatchObject({ page: 1, pages: 1, total: 3 });
    expect(list.items.map((item: { name: string }) => item.name)).toEqual([
      'Northshire County Council',
      'Northshire Integrated Care Board',
      'Northshire Police',
    ]);
    expect(list.items[0]).toEqual({
      id: north.council,
      name: 'Northshire County Council',
      agencyType: 'local_authority',
      isSafeguardingPartner: true,
      isRelevantAgency: false,
      closedAt: null,
    });
    const searched = (await call('/api/v1/agencies?q=police&page=1')).json();
    expect(searched.items.map((item: { id: string }) => item.id)).toEqual([north.police]);
    expect((await call('/api/v1/agencies?page=2')).json()).toMatchObject({ items: [], page: 2 });
  });

  it('gives one agency, and a person with their agency and memberships', async () => {
    const agency = await call(`/api/v1/agencies/${north.police}`);
    expect(agency.statusCode).toBe(200);
    expect(agency.json()).toMatchObject({ id: north.police, agencyType: 'police' });

    const person = (await call(`/api/v1/people/${north.chair}`)).json();
    expect(person).toMatchObject({
      id: north.chair,
      fullName: 'Northshire Chair Alex Morgan',
      email: 'alex.morgan@Northshire.example',
      phone: null,
      agency: { id: north.council, name: 'Northshire County Council' },
      closedAt: null,
    });
    expect(person.memberships).toEqual([
      {
        id: north.membership,
        body: { id: north.body, name: 'Northshire Safeguarding Children Partnership' },
        status: 'safeguarding_partner',
        representsAgency: { id: north.council, name: 'Northshire County Council' },
        decisionMaking: true,
        startsOn: '2026-04-01',
        endsOn: null,
      },
    ]);
    const people = (await call(`/api/v1/people?agency=${north.council}&q=deputy`)).json();
    expect(people.items.map((item: { id: string }) => item.id)).toEqual([north.deputy]);
  });

  it('gives a body with its chair, memberships, deputies and quorum rule', async () => {
    const list = (await call('/api/v1/bodies?type=partnership')).json();
    expect(list.items).toEqual([
      {
        id: north.body,
        name: 'Northshire Safeguarding Children Partnership',
        bodyType: 'partnership',
        reportsToId: null,
        cadence: 'quarterly',
        cadenceNote: null,
        closedAt: null,
      },
    ]);
    expect((await call('/api/v1/bodies?type=sub_group')).json().total).toBe(0);

    const body = (await call(`/api/v1/bodies/${north.body}`)).json();
    expect(body).toMatchObject({
      id: north.body,
      purpose: 'Leads the arrangements.',
      reportsTo: null,
      chair: {
        person: { id: north.chair, fullName: 'Northshire Chair Alex Morgan' },
        appointedOn: '2026-04-01',
        reviewDueOn: '2027-04-01',
      },
      viceChair: null,
      businessOfficer: null,
    });
    expect(body.memberships).toEqual([
      expect.objectContaining({
        id: north.membership,
        person: {
          id: north.chair,
          fullName: 'Northshire Chair Alex Morgan',
          jobTitle: 'Director of Children’s Services',
        },
        status: 'safeguarding_partner',
        decisionMaking: true,
        deputies: [
          {
            id: expect.any(String),
            person: expect.objectContaining({ id: north.deputy }),
            startsOn: '2026-05-01',
            endsOn: '2026-12-31',
          },
        ],
      }),
    ]);
    expect(body.quorumRule).toEqual({
      usesSafeguardingPartners: true,
      requiredAgencies: [
        { id: north.council, name: 'Northshire County Council' },
        { id: north.health, name: 'Northshire Integrated Care Board' },
        { id: north.police, name: 'Northshire Police' },
      ],
      minimumHeadCount: null,
    });
  });

  it('answers a bad query with 400 and says which parameter is wrong', async () => {
    const response = await call('/api/v1/bodies?type=emperor&page=0');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: 'The query is not valid',
      fields: {
        type: 'type must be one of the body types',
        page: 'page must be a whole number from 1',
      },
    });
    expect((await call('/api/v1/people?agency=nobody')).statusCode).toBe(400);
  });

  it('answers 404 JSON for an unknown or malformed id and for another partnership’s records', async () => {
    for (const url of [
      '/api/v1/agencies/00000000-0000-4000-8000-000000000000',
      '/api/v1/agencies/not-an-id',
      `/api/v1/agencies/${south.council}`,
      `/api/v1/people/${south.chair}`,
      `/api/v1/bodies/${south.body}`,
    ]) {
      const response = await call(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toEqual({ error: 'not found' });
    }
    const southList = (await call('/api/v1/agencies', await tokenFor(southReader))).json();
    expect(southList.items.map((item: { id: string }) => item.id)).not.toContain(north.council);
    expect(southList.total).toBe(3);
  });

  it('notes when a token was last used, at most once a minute', async () => {
    const own = await tokenFor(reader, 'Last used');
    const lastUsed = async () =>
      (
        await database.owner.db.execute<{ last_used_at: string | null }>(
          sql`select last_used_at from api_token where name = 'Last used'`,
        )
      ).rows[0]!.last_used_at;
    const lastUsedAt = async () => {
      const value = await lastUsed();
      return value === null ? null : new Date(value).toISOString();
    };
    expect(await lastUsedAt()).toBeNull();
    const first = new Date('2026-11-26T10:00:00Z');
    clock.at = first;
    await call('/api/v1/agencies', own);
    expect(await lastUsedAt()).toBe(first.toISOString());
    clock.at = new Date(first.getTime() + 30_000);
    await call('/api/v1/agencies', own);
    expect(await lastUsedAt()).toBe(first.toISOString());
    clock.at = new Date(first.getTime() + 61_000);
    await call('/api/v1/agencies', own);
    expect(await lastUsedAt()).toBe(clock.at.toISOString());
    clock.at = null;
  });
});

describe('who may call the API', () => {
  it('answers 401 JSON without a token, and asks for one', async () => {
    const response = await call('/api/v1/agencies', null);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json()).toEqual({ error: 'unauthorised' });
    expect((await call(`/api/v1/bodies/${north.body}`, null)).statusCode).toBe(401);
  });

  it('answers 401 to a garbage, unknown or revoked token', async () => {
    const unknown = `masa_${'A'.repeat(43)}`;
    for (const bad of ['garbage', unknown, token.slice(0, -1), `${token}x`])
      expect((await call('/api/v1/agencies', bad)).statusCode, bad).toBe(401);
    const revocable = await services.apiTokens.create(context, { name: 'To revoke' });
    expect((await call('/api/v1/agencies', revocable.token)).statusCode).toBe(200);
    await services.apiTokens.revoke(context, revocable.apiToken.id);
    const refused = await call('/api/v1/agencies', revocable.token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual({ error: 'unauthorised' });
  });

  it('answers 401 once the owner is disabled or no longer has a role in the partnership', async () => {
    const leaver = await createUser(database.app.db, services, northshire.id, {
      roles: ['member'],
    });
    const disabled = await createUser(database.app.db, services, northshire.id, {
      roles: ['observer'],
    });
    const leaverToken = await tokenFor(leaver);
    const disabledToken = await tokenFor(disabled);
    expect((await call('/api/v1/agencies', leaverToken)).statusCode).toBe(200);
    expect((await call('/api/v1/agencies', disabledToken)).statusCode).toBe(200);
    await services.administration.setRoles(context, leaver.userId, []);
    await database.owner.db.execute(
      sql`update app_user set disabled_at = now() where id = ${disabled.userId}`,
    );
    expect((await call('/api/v1/agencies', leaverToken)).statusCode).toBe(401);
    expect((await call('/api/v1/agencies', disabledToken)).statusCode).toBe(401);
  });

  it('counts a token as a full sign-in: an administrator’s works when two-step sign-in is on', async () => {
    const enrolled = await createUser(database.app.db, services, northshire.id, {
      roles: ['administrator'],
      mfa: true,
    });
    const notEnrolled = await createUser(database.app.db, services, northshire.id, {
      roles: ['administrator'],
    });
    expect((await call('/api/v1/agencies', await tokenFor(enrolled))).statusCode).toBe(200);
    // Administrators must use a second factor: until they set one up, their tokens do nothing.
    expect((await call('/api/v1/agencies', await tokenFor(notEnrolled))).statusCode).toBe(401);
  });

  it('lets a signed-in browser read the API, but a bad token never falls back to its cookie', async () => {
    const browser = new Agent(app);
    expect((await browser.get('/api/v1/agencies')).status).toBe(401);
    await browser.signIn(reader);
    const page = await browser.get(`/api/v1/bodies/${north.body}`);
    expect(page.status).toBe(200);
    expect(JSON.parse(page.body).id).toBe(north.body);
    const mixed = await browser.request({
      method: 'GET',
      url: '/api/v1/agencies',
      headers: { authorization: 'Bearer masa_revoked_or_made_up' },
    });
    expect(mixed.status).toBe(401);
  });
});

/** Every $ref in the document, to check each names a component that exists. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
    );
  return [];
}

describe('the API documentation', () => {
  it('is an OpenAPI 3 document describing every /api/v1 route, the bearer scheme and errors', async () => {
    const response = await call('/api/docs/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = JSON.parse(response.body);
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info.title).toBe('MASA API');
    expect(document.components.securitySchemes.bearerToken).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    expect(document.security).toEqual([{ bearerToken: [] }]);

    const v1Routes = app.registeredRoutes.filter(
      (route) => route.url.startsWith('/api/v1/') && route.method !== 'HEAD',
    );
    expect(v1Routes.length).toBe(15);
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(documented)).toEqual(
      new Set(v1Routes.map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`)),
    );
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const operation of Object.values(
        methods as Record<string, { responses: Record<string, unknown> }>,
      )) {
        expect(Object.keys(operation.responses), path).toContain('401');
        if (path.includes('{id}')) expect(Object.keys(operation.responses), path).toContain('404');
      }
    }
    const components = Object.keys(document.components.schemas);
    for (const ref of refsIn(document))
      expect(components, ref).toContain(ref.replace('#/components/schemas/', ''));
  });

  it('is a page for people, made from the same document, with a curl example', async () => {
    const visitor = await call('/api/docs', null);
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe('/sign-in?returnTo=%2Fapi%2Fdocs');
    expect((await call('/api/docs/openapi.json', null)).statusCode).toBe(401);
    const browser = new Agent(app);
    await browser.signIn(reader);
    const page = await browser.get('/api/docs');
    expect(page.status).toBe(200);
    expect(text(page, 'h1')).toBe('MASA API');
    const endpoints = page
      .$('#endpoint-list h3')
      .map((_, h3) => page.$(h3).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(endpoints).toEqual([
      'GET /api/v1/agencies',
      'GET /api/v1/agencies/{id}',
      'GET /api/v1/people',
      'GET /api/v1/people/{id}',
      'GET /api/v1/bodies',
      'GET /api/v1/bodies/{id}',
      'GET /api/v1/meetings',
      'GET /api/v1/meetings/{id}',
      'GET /api/v1/actions',
      'POST /api/v1/actions',
      'GET /api/v1/actions/{id}',
      'POST /api/v1/actions/{id}/updates',
      'GET /api/v1/working-days',
      'GET /api/v1/cases',
      'GET /api/v1/cases/{id}',
    ]);
    expect(text(page, '#curl-example')).toMatch(
      /^curl --header "Authorization: Bearer \$MASA_TOKEN" "http:\/\/[^"]+\/api\/v1\/agencies\?page=1"$/,
    );
    expect(text(page, '#record-BodyDetail ~ div')).toContain('quorumRule');
    expect(text(page, 'section[aria-labelledby="post-api-v1-actions"]')).toContain(
      'Send a JSON body (Content-Type: application/json): NewAction.',
    );
    expect(page.$('a[href="#record-QuorumRule"]').length).toBeGreaterThan(0);
    expect(page.$('script:not([src])')).toHaveLength(0);
    expect(page.$('link[href^="http"], script[src^="http"]')).toHaveLength(0);
  });
});
