/**
 * Registry records as the API shows them: camelCase, ISO 8601 times, calendar dates as
 * YYYY-MM-DD, null for what is empty. Their shapes are in registry.schemas.ts.
 */
import type { GovernanceService } from '../governance/governance.service.js';

type Registry = GovernanceService;
type AgencyRow = Awaited<ReturnType<Registry['agencies']['list']>>['rows'][number];
type PersonRow = Awaited<ReturnType<Registry['people']['list']>>['rows'][number];
type PersonFound = NonNullable<Awaited<ReturnType<Registry['people']['find']>>>;
type BodyRow = Awaited<ReturnType<Registry['bodies']['list']>>['rows'][number];
type BodyFound = NonNullable<Awaited<ReturnType<Registry['bodies']['find']>>>;
type Officer = BodyFound['chair'];

const iso = (time: Date | null) => (time ? time.toISOString() : null);

export const agencyJson = (row: AgencyRow) => ({
  id: row.id,
  name: row.name,
  agencyType: row.agencyType,
  isSafeguardingPartner: row.isSafeguardingPartner,
  isRelevantAgency: row.isRelevantAgency,
  closedAt: iso(row.closedAt),
});

export const personJson = ({ person, agencyName }: PersonRow) => ({
  id: person.id,
  fullName: person.fullName,
  jobTitle: person.jobTitle,
  email: person.email,
  phone: person.phone,
  agency: { id: person.agencyId, name: agencyName },
  closedAt: iso(person.closedAt),
});

export const personDetailJson = (found: PersonFound) => ({
  ...personJson(found),
  memberships: found.memberships.map(({ membership, bodyName, agencyName }) => ({
    id: membership.id,
    body: { id: membership.bodyId, name: bodyName },
    status: membership.status,
    representsAgency: { id: membership.representsAgencyId, name: agencyName },
    decisionMaking: membership.decisionMaking,
    startsOn: membership.startsOn,
    endsOn: membership.endsOn,
  })),
});

export const bodyJson = (row: BodyRow) => ({
  id: row.id,
  name: row.name,
  bodyType: row.bodyType,
  reportsToId: row.reportsToId,
  cadence: row.cadence,
  cadenceNote: row.cadenceNote,
  closedAt: iso(row.closedAt),
});

const personReference = (person: { id: string; fullName: string; jobTitle: string }) => ({
  id: person.id,
  fullName: person.fullName,
  jobTitle: person.jobTitle,
});

const officerJson = (found: Officer, appointedOn: string | null, reviewDueOn: string | null) =>
  found ? { person: personReference(found.person), appointedOn, reviewDueOn } : null;

function membershipsJson({ memberships, deputies }: BodyFound) {
  return memberships.map(({ membership, personName, personJobTitle, agencyName }) => ({
    id: membership.id,
    person: { id: membership.personId, fullName: personName, jobTitle: personJobTitle },
    status: membership.status,
    representsAgency: { id: membership.representsAgencyId, name: agencyName },
    decisionMaking: membership.decisionMaking,
    startsOn: membership.startsOn,
    endsOn: membership.endsOn,
    inductionCompletedOn: membership.inductionCompletedOn,
    deputies: deputies
      .filter(({ deputy }) => deputy.membershipId === membership.id)
      .map(({ deputy, personName: name, personJobTitle: jobTitle }) => ({
        id: deputy.id,
        person: { id: deputy.personId, fullName: name, jobTitle },
        startsOn: deputy.startsOn,
        endsOn: deputy.endsOn,
      })),
  }));
}

export const bodyDetailJson = (found: BodyFound) => {
  const { body, reportsTo, quorumRule } = found;
  return {
    ...bodyJson(body),
    purpose: body.purpose,
    reportsTo: reportsTo ? { id: reportsTo.id, name: reportsTo.name } : null,
    chair: officerJson(found.chair, body.chairAppointedOn, body.chairReviewDueOn),
    viceChair: officerJson(found.viceChair, body.viceChairAppointedOn, body.viceChairReviewDueOn),
    businessOfficer: found.businessOfficer ? personReference(found.businessOfficer.person) : null,
    termsOfReferenceReviewDueOn: body.termsOfReferenceReviewDueOn,
    memberships: membershipsJson(found),
    quorumRule: {
      usesSafeguardingPartners: body.quorumUsesPartners,
      requiredAgencies: quorumRule.requiredAgencies.map(({ id, name }) => ({ id, name })),
      minimumHeadCount: quorumRule.minimumHeadCount,
    },
  };
};
