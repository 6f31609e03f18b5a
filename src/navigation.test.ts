import { describe, expect, it } from 'vitest';
import { NAVIGATION } from './navigation.js';
import { navigationFor } from './platform/http/navigation.js';
import { anyRole, signedIn, type Principal, type Role } from './platform/policy.js';
import { Agent, type Page } from './testing/agent.js';
import { createTestApp } from './testing/app.js';
import { createPartnership, createUser } from './testing/fixtures.js';

const principal = (roles: Role[]): Principal => ({
  userId: 'u',
  email: 'someone@example.org',
  displayName: 'Someone',
  partnershipId: 'p',
  partnershipName: 'Northshire',
  roles,
  partnerships: [],
  mfaEnabled: true,
  mfaPassed: true,
});

describe('navigationFor', () => {
  const areas = [
    {
      name: 'Things',
      pages: [
        { text: 'All things', href: '/things', policy: signedIn, matches: ['/thing-parts'] },
        { text: 'Mine', href: '/things/mine', policy: signedIn },
        { text: 'Settings', href: '/things/settings', policy: anyRole('administrator') },
      ],
    },
    { name: 'Other', pages: [{ text: 'Other', href: '/other', policy: signedIn }] },
    { name: 'Admin', pages: [{ text: 'Admin', href: '/admin', policy: anyRole('administrator') }] },
  ];

  it('marks the page shown as current and its area as active', () => {
    const nav = navigationFor(areas, principal(['member']), '/things/mine');
    expect(nav.areas).toEqual([
      { text: 'Things', href: '/things', current: false, active: true },
      { text: 'Other', href: '/other', current: false, active: false },
    ]);
    expect(nav.subNavigation?.label).toBe('Things pages');
    expect(nav.subNavigation?.items).toEqual([
      { text: 'All things', href: '/things', current: false, active: false },
      { text: 'Mine', href: '/things/mine', current: true, active: true },
    ]);
  });

  it("puts a record's page under the page whose address holds it, by whole path segments", () => {
    const record = navigationFor(areas, principal(['member']), '/thing-parts/42');
    expect(
      record.subNavigation?.items.map((item) => [item.text, item.active, item.current]),
    ).toEqual([
      ['All things', true, false],
      ['Mine', false, false],
    ]);
    const lookalike = navigationFor(areas, principal(['member']), '/thingsmith');
    expect(lookalike.areas.some((area) => area.active)).toBe(false);
    expect(lookalike.subNavigation).toBeNull();
  });

  it('leaves out pages and areas the policy refuses, and a lone page has no sub-navigation', () => {
    const admin = navigationFor(areas, principal(['administrator']), '/admin');
    expect(admin.areas.map((area) => area.text)).toEqual(['Things', 'Other', 'Admin']);
    expect(admin.areas[2]).toMatchObject({ current: true, active: true });
    expect(admin.subNavigation).toBeNull();
    const things = navigationFor(areas, principal(['administrator']), '/things/settings');
    expect(things.subNavigation?.items.map((item) => item.text)).toContain('Settings');
  });

  it('shows nothing before the second factor is given, or to nobody', () => {
    const waiting = { ...principal(['member']), mfaPassed: false };
    expect(navigationFor(areas, waiting, '/things').areas).toEqual([]);
    expect(navigationFor(areas, null, '/things').areas).toEqual([]);
  });

  it('keeps MASA to at most eight top-level areas', () => {
    expect(NAVIGATION.filter((area) => area.placement !== 'end').length).toBeLessThanOrEqual(8);
  });
});

/** Friday 27 November 2026, 09:00 UTC: second factors are given at this moment. */
const clock = { now: () => new Date('2026-11-27T09:00:00Z') };
const { app, services, database } = await createTestApp({ clock });
const partnership = await createPartnership(services);
const user = (roles: Role[], mfa: boolean) =>
  createUser(database.app.db, services, partnership.id, { roles, mfa });
const people = {
  observer: await user(['observer'], false),
  member: await user(['member'], false),
  independentScrutineer: await user(['independent_scrutineer'], false),
  businessOfficer: await user(['business_officer'], true),
  administrator: await user(['administrator'], true),
  caseTeamMember: await user(['member'], true),
};
/** Each signed in once: a second factor's code is accepted once in its time step. */
const agents = {} as Record<keyof typeof people, Agent>;
for (const [person, account] of Object.entries(people)) {
  const agent = new Agent(app);
  await agent.signIn(account, clock.now());
  agents[person as keyof typeof people] = agent;
}

const EVERYONE = ['Home', 'Governance', 'Meetings', 'Actions', 'Case reviews'];
const EXPECTED: Record<keyof typeof people, string[]> = {
  observer: EVERYONE,
  member: EVERYONE,
  independentScrutineer: EVERYONE,
  businessOfficer: EVERYONE,
  administrator: [...EVERYONE, 'Administration'],
  caseTeamMember: EVERYONE,
};

const topLevel = (page: Page) =>
  page
    .$('.govuk-service-navigation__list > li > a')
    .toArray()
    .map((link) => ({ text: page.$(link).text().trim(), href: page.$(link).attr('href')! }));
const subLevel = (page: Page) =>
  page
    .$('.masa-sub-navigation a')
    .toArray()
    .map((link) => page.$(link).attr('href')!);

describe('the navigation, person by person', () => {
  for (const [person, expected] of Object.entries(EXPECTED)) {
    it(`shows ${person} ${expected.join(', ')}, and every page it links to opens for them`, async () => {
      const agent = agents[person as keyof typeof people];
      const home = await agent.get('/');
      const links = topLevel(home);
      expect(links.map((link) => link.text)).toEqual([...expected, 'Your account']);
      const hrefs = new Set(links.map((link) => link.href));
      for (const link of links)
        for (const href of subLevel(await agent.get(link.href))) hrefs.add(href);
      for (const href of hrefs) {
        const page = await agent.get(href);
        expect({ href, status: page.status }).toEqual({ href, status: 200 });
      }
    });
  }

  it('offers administrators the registry import and amendment requests, and observers neither', async () => {
    const { administrator: admin, observer } = agents;
    expect(subLevel(await admin.get('/governance'))).toEqual(
      expect.arrayContaining(['/governance/import', '/arrangements/amendments']),
    );
    const observed = subLevel(await observer.get('/governance'));
    expect(observed).toContain('/agencies');
    expect(observed).not.toContain('/governance/import');
    expect(observed).not.toContain('/arrangements/amendments');
  });

  it('marks the area and the page shown with aria-current', async () => {
    const agent = agents.member;
    const figures = await agent.get('/reviews/figures');
    expect(figures.$('.govuk-service-navigation a[aria-current]').text().trim()).toBe(
      'Case reviews',
    );
    expect(figures.$('.masa-sub-navigation a[aria-current="page"]').text().trim()).toBe('Figures');
    const home = await agent.get('/');
    expect(home.$('.govuk-service-navigation a[aria-current="page"]').text().trim()).toBe('Home');
  });

  it('names, for every page, the policy its route declares, so the two cannot drift', () => {
    for (const page of NAVIGATION.flatMap((area) => area.pages)) {
      const route = app.registeredRoutes.find((r) => r.method === 'GET' && r.url === page.href);
      expect({ href: page.href, same: route?.policy === page.policy }).toEqual({
        href: page.href,
        same: true,
      });
    }
  });
});
