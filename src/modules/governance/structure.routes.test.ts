import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../platform/forms.js';
import { Agent, text } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import { bodyForm } from './governance.forms.js';

const { app, services, database } = await createTestApp();
const north = await createPartnership(services);
const south = await createPartnership(services, 'Southvale Safeguarding Partnership');
const empty = await createPartnership(services, 'Eastmere Safeguarding Partnership');

async function createBody(
  partnershipId: string,
  fields: { name: string; bodyType: string; cadence?: string; reportsToId?: string },
) {
  const input = parseForm(bodyForm, { cadence: 'quarterly', ...fields });
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  const created = await services.governance.bodies.create(
    { partnershipId, userId: null },
    input.value,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.value.id;
}

const partnership = await createBody(north.id, {
  name: 'Northshire Safeguarding Children Partnership',
  bodyType: 'partnership',
  cadence: 'bi_monthly',
});
const forum = await createBody(north.id, {
  name: 'Partnership and Chairs Consultation Forum',
  bodyType: 'executive',
  cadence: 'monthly',
  reportsToId: partnership,
});
const neglect = await createBody(north.id, {
  name: 'Neglect Priority Group',
  bodyType: 'priority_group',
  reportsToId: forum,
});
const hostile = await createBody(north.id, {
  name: '<script>alert(1)</script> Reference Group',
  bodyType: 'reference_group',
  reportsToId: forum,
});
const closed = await createBody(north.id, {
  name: 'Disbanded Task and Finish Group',
  bodyType: 'task_and_finish',
  reportsToId: forum,
});
const closing = await services.governance.bodies.close(
  { partnershipId: north.id, userId: null },
  closed,
);
if (!closing.ok) throw new Error(JSON.stringify(closing.errors));
const southBody = await createBody(south.id, {
  name: 'Southvale Quality Assurance Sub-group',
  bodyType: 'sub_group',
});

const signedIn = async (partnershipId: string) => {
  const agent = new Agent(app);
  await agent.signIn(
    await createUser(database.app.db, services, partnershipId, { roles: ['member'] }),
  );
  return agent;
};
const northAgent = await signedIn(north.id);

describe('the governance structure page', () => {
  it('shows the chart and the same tree as a nested list, each body linked', async () => {
    const page = await northAgent.get('/governance/structure');
    expect(page.status).toBe(200);
    expect(text(page, 'h1')).toBe('Governance structure');

    const region = page.$('[role="region"][tabindex="0"]');
    expect(region.attr('aria-label')).toBe('Governance structure chart');
    const charts = region.find('svg');
    expect(charts.map((_, svg) => page.$(svg).attr('class')).get()).toEqual([
      'masa-structure-chart masa-structure-chart--wide',
      'masa-structure-chart masa-structure-chart--narrow',
    ]);
    for (const svg of charts.toArray()) {
      const chart = page.$(svg);
      expect(page.$(`#${chart.attr('aria-labelledby')}`).text()).toBe(
        'Governance structure of Northshire Safeguarding Children Partnership',
      );
      expect(page.$(`#${chart.attr('aria-describedby')}`).text()).toContain('4 bodies');
      expect(
        chart
          .find('a')
          .map((_, a) => page.$(a).attr('href'))
          .get(),
      ).toEqual([
        `/bodies/${partnership}`,
        `/bodies/${forum}`,
        `/bodies/${neglect}`,
        `/bodies/${hostile}`,
      ]);
    }

    const top = page.$('.masa-structure-list');
    const topLevel = top.children('li');
    expect(topLevel).toHaveLength(1);
    expect(text(page, '.masa-structure-list > li > a')).toBe(
      'Northshire Safeguarding Children Partnership',
    );
    expect(topLevel.text()).toContain('Partnership, meets bi-monthly');
    const forumItem = topLevel.find('> ul > li');
    expect(forumItem.children('a').attr('href')).toBe(`/bodies/${forum}`);
    expect(forumItem.text()).toContain("Executive or chairs' forum, meets monthly");
    const groups = forumItem.find('> ul > li');
    expect(groups.map((_, li) => page.$(li).children('a').text()).get()).toEqual([
      'Neglect Priority Group',
      '<script>alert(1)</script> Reference Group',
    ]);
    expect(groups.first().text()).toContain('Priority group, meets quarterly');
    expect(page.$('main a[href="/governance/structure.svg"]').text()).toBe(
      'Download the chart (SVG)',
    );
  });

  it('escapes a body named <script> in the chart and the list', async () => {
    const page = await northAgent.get('/governance/structure');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.$('main script')).toHaveLength(0);
  });

  it('leaves out closed bodies and shows nothing of another partnership', async () => {
    const page = await northAgent.get('/governance/structure');
    expect(page.body).not.toContain('Disbanded Task and Finish Group');
    expect(page.body).not.toContain(closed);
    expect(page.body).not.toContain('Southvale');
    expect(page.body).not.toContain(southBody);
  });

  it('explains an empty structure and links to the bodies', async () => {
    const page = await (await signedIn(empty.id)).get('/governance/structure');
    expect(page.status).toBe(200);
    expect(page.$('svg')).toHaveLength(0);
    expect(text(page, 'main')).toContain('No bodies have been added yet');
    expect(page.$('main a[href="/bodies"]')).toHaveLength(1);
    expect(page.$('main a[href="/governance/structure.svg"]')).toHaveLength(0);
  });

  it('is linked from the governance overview', async () => {
    const page = await northAgent.get('/governance');
    expect(page.$('main a[href="/governance/structure"]').text()).toBe('Governance structure');
  });
});

describe('the chart download', () => {
  it('is an SVG file of the partnership’s open bodies, as one described image', async () => {
    const file = await northAgent.get('/governance/structure.svg');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="governance-structure.svg"',
    );
    const $ = cheerio.load(file.body, { xml: true });
    expect($('svg').attr('role')).toBe('img');
    expect($('title').first().text()).toBe(
      'Governance structure of Northshire Safeguarding Children Partnership',
    );
    expect($('desc').text()).toContain(
      'Neglect Priority Group (priority group) reports to Partnership and Chairs Consultation Forum.',
    );
    expect($('script')).toHaveLength(0);
    expect(file.body).not.toContain('Disbanded');
    expect(file.body).not.toContain('Southvale');
  });
});

describe('signing in', () => {
  it('is needed for the page and the download', async () => {
    for (const url of ['/governance/structure', '/governance/structure.svg']) {
      const page = await new Agent(app).get(url);
      expect(page.status).toBe(303);
      expect(page.location).toMatch(/^\/sign-in/);
    }
  });
});
