import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quorum, type Attendee } from '../modules/governance/quorum.js';
import { Agent, text } from '../testing/agent.js';
import { createTestApp } from '../testing/app.js';
import { createUser } from '../testing/fixtures.js';
import { dayOf, monthsAhead, yearAfter } from './demo-dates.js';
import { createDemoPartnership } from './demo-partnership.js';

/** The source document sits beside the repository (../shared/docs), unless told otherwise. */
const SOURCE_DOCUMENT =
  process.env.MASA_SOURCE_DOCUMENT ??
  path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../shared/docs/source-arrangements-document.txt',
  );

const { app, services, database } = await createTestApp();
const { credentials, context } = await createDemoPartnership(database.app.db, services);

const { agencies, people, bodies, memberships } = services.governance;
const today = services.governance.today();
const allAgencies = await agencies.all(context);
const allPeople = await people.all(context);
const allBodies = await bodies.all(context);
const allSeats = await memberships.all(context);

const PARTNERS = [
  "Northshire Children's Trust",
  'Northshire Clinical Commissioning Group',
  'Northshire Council',
  'Northshire Police',
];
const agencyId = (name: string) => allAgencies.find((agency) => agency.name === name)!.id;
const bodyNamed = (name: string) => {
  const found = allBodies.find((body) => body.name === name);
  if (!found) throw new Error(`No body named ${name}`);
  return found;
};
const partnership = bodyNamed('Northshire Safeguarding Children Partnership');
const chairsForum = bodyNamed('Chairs Consultation Forum');
const seatsOn = (bodyId: string) => allSeats.filter((row) => row.membership.bodyId === bodyId);

describe('the demo partnership', () => {
  // How long it takes to load is measured by the benchmark (a first `npm start`), not here.
  it('keeps the administrator sign-in', () => {
    expect(credentials.email).toBe('business.manager@northshire.example');
    expect(credentials.password.length).toBeGreaterThanOrEqual(16);
  });

  it('has the four safeguarding partners of section 2, one of each kind', () => {
    const partners = allAgencies.filter((agency) => agency.isSafeguardingPartner);
    expect(partners.map((agency) => agency.name).sort()).toEqual(PARTNERS);
    expect(partners.map((agency) => agency.agencyType).sort()).toEqual([
      'childrens_trust',
      'health_commissioner',
      'local_authority',
      'police',
    ]);
    const relevantTypes = new Set(
      allAgencies.filter((agency) => agency.isRelevantAgency).map((agency) => agency.agencyType),
    );
    for (const type of ['education', 'voluntary_community', 'health_provider', 'probation'])
      expect(relevantTypes).toContain(type);
  });

  it('has the bodies of sections 7, 11, 14 and 15, by type', () => {
    const counts: Record<string, number> = {};
    for (const body of allBodies) counts[body.bodyType] = (counts[body.bodyType] ?? 0) + 1;
    expect(counts).toEqual({
      partnership: 1,
      executive: 1,
      sub_group: 4,
      priority_group: 2,
      reference_group: 3,
      other_board: 4,
    });
    const priorityGroups = allBodies.filter((body) => body.bodyType === 'priority_group');
    expect(priorityGroups.map((body) => body.name).sort()).toEqual([
      'Child Exploitation Board',
      'Tackling Neglect Group',
    ]);
  });

  it('draws the reporting lines: groups to the forum, the forum and reference groups to the Partnership', () => {
    expect(partnership.reportsToId).toBeNull();
    expect(chairsForum.reportsToId).toBe(partnership.id);
    for (const body of allBodies) {
      if (body.bodyType === 'priority_group' || body.bodyType === 'sub_group')
        expect(body.reportsToId, body.name).toBe(chairsForum.id);
      if (body.bodyType === 'reference_group')
        expect(body.reportsToId, body.name).toBe(partnership.id);
      if (body.bodyType === 'other_board') expect(body.reportsToId, body.name).toBeNull();
    }
    const boards = allBodies.filter((body) => body.bodyType === 'other_board');
    for (const board of boards) expect(partnership.purpose).toContain(board.name);
  });

  it('meets as the document says', () => {
    const cadence = (name: string) => bodyNamed(name).cadence;
    expect(partnership.cadence).toBe('bi_monthly');
    expect(chairsForum.cadence).toBe('bi_monthly');
    expect(cadence('Quality of Practice Performance and Assurance Group')).toBe('bi_monthly');
    expect(cadence('Learning Development and Training Group')).toBe('bi_monthly');
    expect(cadence('Learning from Practice Reviews Group')).toBe('quarterly');
    expect(cadence('Designated Safeguarding Leads Group')).toBe('quarterly');
    for (const body of allBodies.filter((row) => row.cadence === 'custom'))
      expect(body.cadenceNote, body.name).toBeTruthy();
  });

  it("seats the Partnership's membership table of section 11, status by agency", () => {
    const rows = seatsOn(partnership.id)
      .map((row) => `${row.agencyName}: ${row.membership.status}`)
      .sort();
    expect(rows).toEqual(
      [
        "Northshire Children's Trust: safeguarding_partner",
        "Northshire Children's Trust: business_support",
        'Northshire Police: safeguarding_partner',
        'Northshire Police: co_opted',
        'Northshire Clinical Commissioning Group: safeguarding_partner',
        'Northshire Clinical Commissioning Group: relevant_partner',
        'Northshire Clinical Commissioning Group: relevant_partner',
        'Northshire Council: safeguarding_partner',
        'Northshire Council: participant_observer',
        'Northshire Council: co_opted',
        'Northshire Education Advisory Group: relevant_partner',
        'Northshire Council for Voluntary Service: relevant_partner',
        'Northshire Community Health NHS Trust: relevant_partner',
        'Independent and lay members: participant_observer',
        'Independent and lay members: independent_scrutineer',
      ].sort(),
    );
    const leads = seatsOn(partnership.id)
      .filter((row) => row.membership.status === 'safeguarding_partner')
      .map((row) => row.personJobTitle)
      .sort();
    expect(leads).toEqual([
      'Chief Executive',
      'Chief Officer – Quality',
      'Chief Superintendent, Divisional Commander',
      "Director of Children's Services",
    ]);
    expect(partnership.chairPersonId).toBe(
      allPeople.find((row) => row.person.jobTitle === "Director of Children's Services")!.person.id,
    );
  });

  it('gives observers, and only members who may, decision-making rights', () => {
    const observers = allSeats.filter((row) => row.membership.status === 'participant_observer');
    expect(observers.map((row) => row.personJobTitle).sort()).toEqual(
      ["Lead Member for Children's Services", 'Lay Member'].sort(),
    );
    for (const row of observers) expect(row.membership.decisionMaking).toBe(false);
    for (const row of seatsOn(partnership.id).filter((seat) => seat.membership.decisionMaking))
      expect(['safeguarding_partner', 'relevant_partner']).toContain(row.membership.status);
  });

  it("names the four senior officers with delegated authority, each in their lead's agency", async () => {
    const found = (await bodies.find(context, partnership.id))!;
    expect(found.deputies).toHaveLength(4);
    const personAgency = new Map(allPeople.map((row) => [row.person.id, row.person.agencyId]));
    const represented = new Set<string>();
    for (const { deputy } of found.deputies) {
      const lead = found.memberships.find((row) => row.membership.id === deputy.membershipId)!;
      expect(lead.membership.status).toBe('safeguarding_partner');
      expect(personAgency.get(deputy.personId)).toBe(lead.membership.representsAgencyId);
      expect(deputy.startsOn).toBe(lead.membership.startsOn);
      expect(deputy.endsOn).toBeNull();
      represented.add(lead.agencyName);
    }
    expect([...represented].sort()).toEqual(PARTNERS);
  });

  it("requires the four partners for the Partnership's quorum, met by the four leads", async () => {
    const rule = (await bodies.quorumRule(context, partnership.id))!;
    expect(rule.requiredAgencies.map((agency) => agency.name).sort()).toEqual(PARTNERS);
    expect(rule.minimumHeadCount).toBeNull();
    const leads: Attendee[] = seatsOn(partnership.id)
      .filter((row) => row.membership.status === 'safeguarding_partner')
      .map((row) => ({
        kind: 'member',
        agencyId: row.membership.representsAgencyId,
        decisionMaking: row.membership.decisionMaking,
      }));
    expect(quorum(rule, { date: today, present: leads }).quorate).toBe(true);
    const withoutPolice = leads.filter((lead) => lead.agencyId !== agencyId('Northshire Police'));
    const result = quorum(rule, { date: today, present: withoutPolice });
    expect(result.quorate).toBe(false);
    expect(result.missingAgencies.map((agency) => agency.name)).toEqual(['Northshire Police']);
  });

  it('lets every group doing partnership business meet its partners quorum from its own members', async () => {
    const partnershipBusiness = allBodies.filter((body) =>
      ['partnership', 'executive', 'sub_group', 'priority_group'].includes(body.bodyType),
    );
    expect(partnershipBusiness).toHaveLength(8);
    for (const body of partnershipBusiness) {
      expect(body.quorumUsesPartners, body.name).toBe(true);
      const rule = (await bodies.quorumRule(context, body.id))!;
      const everyone: Attendee[] = seatsOn(body.id).map((row) => ({
        kind: 'member',
        agencyId: row.membership.representsAgencyId,
        decisionMaking: row.membership.decisionMaking,
      }));
      expect(quorum(rule, { date: today, present: everyone }).quorate, body.name).toBe(true);
    }
    for (const body of allBodies.filter((row) =>
      ['reference_group', 'other_board'].includes(row.bodyType),
    )) {
      expect(body.quorumUsesPartners, body.name).toBe(false);
      expect(body.quorumMinimumHeadCount, body.name).toBeGreaterThan(0);
    }
  });

  it('has chairs, vice-chairs and business officers, with yearly reviews: some due soon, one overdue', () => {
    const groups = allBodies.filter((body) =>
      ['sub_group', 'priority_group', 'reference_group'].includes(body.bodyType),
    );
    for (const body of groups) {
      expect(body.chairPersonId, body.name).not.toBeNull();
      expect(body.viceChairPersonId, body.name).not.toBeNull();
      expect(body.businessOfficerPersonId, body.name).not.toBeNull();
      expect(body.chairReviewDueOn).toBe(yearAfter(body.chairAppointedOn!));
      expect(body.viceChairReviewDueOn).toBe(yearAfter(body.viceChairAppointedOn!));
    }
    const reviews = groups.flatMap((body) => [body.chairReviewDueOn!, body.viceChairReviewDueOn!]);
    expect(reviews.filter((due) => due < today)).toHaveLength(1);
    const horizon = dayOf(monthsAhead(2), today);
    expect(reviews.filter((due) => due >= today && due <= horizon).length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('records inductions: most complete with a date, some part done', () => {
    const complete = allSeats.filter((row) => row.membership.inductionCompletedOn !== null);
    const partial = allSeats.filter(
      (row) => row.membership.inductionCompletedOn === null && row.membership.inductionBooklet,
    );
    expect(complete.length).toBeGreaterThan(allSeats.length / 2);
    expect(partial.length).toBeGreaterThan(0);
    for (const row of complete) {
      expect(row.membership.inductionReporting).toBe(true);
      expect(row.membership.inductionCompletedOn! >= row.membership.startsOn).toBe(true);
      expect(row.membership.inductionCompletedOn! <= today).toBe(true);
    }
  });

  it('links the four demo accounts to their people, the administrator to the business manager', async () => {
    const linked = allPeople.filter((row) => row.person.userId !== null);
    expect(linked).toHaveLength(4);
    const administrator = linked.find((row) => row.person.userId === context.userId)!;
    expect(administrator.person.jobTitle).toBe('Partnership Business Manager');
    expect(administrator.person.email).toBe(credentials.email);
  });

  it('uses fictional people and places only', () => {
    for (const row of allPeople) expect(row.person.email).toMatch(/@northshire\.example$/);
    const words = [
      ...allAgencies.map((agency) => agency.name),
      ...allBodies.flatMap((body) => [body.name, body.purpose, body.cadenceNote ?? '']),
      ...allPeople.map((row) => row.person.jobTitle),
    ].join('\n');
    for (const place of ['Sandwell', 'West Midlands', 'Black Country', 'Birmingham'])
      expect(words).not.toContain(place);
  });

  it.skipIf(!existsSync(SOURCE_DOCUMENT))(
    'names nobody from the source document (set MASA_SOURCE_DOCUMENT if it is elsewhere)',
    () => {
      const document = readFileSync(SOURCE_DOCUMENT, 'utf8').toLowerCase();
      expect(document).toContain('safeguarding partners');
      expect(allPeople.length).toBeGreaterThan(30);
      for (const row of allPeople)
        expect(document, row.person.fullName).not.toContain(row.person.fullName.toLowerCase());
    },
  );

  it("shows on the structure page, the Partnership page and a lead's seat with their deputy", async () => {
    const agent = new Agent(app);
    await agent.signIn(
      await createUser(database.app.db, services, context.partnershipId, { roles: ['member'] }),
    );
    const structure = await agent.get('/governance/structure');
    expect(structure.status).toBe(200);
    for (const body of allBodies) expect(text(structure, 'main'), body.name).toContain(body.name);
    const page = await agent.get(`/bodies/${partnership.id}`);
    expect(page.status).toBe(200);
    for (const lead of ['Rachel Whitfield', 'Marcus Bellamy', 'Sam Okafor', 'Joanne Whitaker'])
      expect(text(page, 'main')).toContain(lead);
    const directorsSeat = seatsOn(partnership.id).find(
      (row) => row.personName === 'Rachel Whitfield',
    )!;
    const seat = await agent.get(`/memberships/${directorsSeat.membership.id}`);
    expect(seat.status).toBe(200);
    expect(text(seat, 'main')).toContain('Graham Pryce');
  });
});
