/**
 * The JSON the API answers with, as JSON Schema: Fastify serialises each answer through
 * these (so nothing outside them leaks out) and the OpenAPI document is made from them.
 */
import {
  AGENCY_TYPES,
  BODY_TYPES,
  CADENCES,
  MEMBERSHIP_STATUSES,
} from '../governance/governance.vocabulary.js';
import {
  choice,
  day,
  described,
  flag,
  id,
  listOf,
  optionalDay,
  optionalRef,
  optionalText,
  optionalTime,
  record,
  ref,
  text,
} from './api-schema-parts.js';

const closedAt = described(optionalTime, 'When it was closed; null while it is active.');

export const REGISTRY_SCHEMAS = [
  record('Reference', 'Another record, by id and name.', { id, name: text }),
  record('PersonReference', 'A person, by id, name and job title.', {
    id,
    fullName: text,
    jobTitle: text,
  }),
  record('Agency', 'An organisation in the partnership’s area.', {
    id,
    name: text,
    agencyType: choice(AGENCY_TYPES.values),
    isSafeguardingPartner: described(flag, 'A statutory safeguarding partner.'),
    isRelevantAgency: described(flag, 'A relevant agency named in the arrangements.'),
    closedAt,
  }),
  record('Person', 'Someone who takes part in the partnership’s bodies.', {
    id,
    fullName: text,
    jobTitle: text,
    email: { type: 'string', format: 'email' },
    phone: optionalText,
    agency: ref('Reference'),
    closedAt,
  }),
  record('PersonMembership', 'A seat the person holds, or held, on a body.', {
    id,
    body: ref('Reference'),
    status: choice(MEMBERSHIP_STATUSES.values),
    representsAgency: ref('Reference'),
    decisionMaking: described(flag, 'Has decision-making rights (observers never do).'),
    startsOn: day,
    endsOn: described(optionalDay, 'Last day of the membership; null when open-ended.'),
  }),
  record('Body', 'A partnership meeting, forum, sub-group or other group.', {
    id,
    name: text,
    bodyType: choice(BODY_TYPES.values),
    reportsToId: described({ type: ['string', 'null'], format: 'uuid' }, 'The body it reports to.'),
    cadence: choice(CADENCES.values),
    cadenceNote: described(optionalText, 'How often it meets, when the cadence is custom.'),
    closedAt,
  }),
  record('Officer', 'A chair or vice-chair, with their appointment (section 20).', {
    person: ref('PersonReference'),
    appointedOn: optionalDay,
    reviewDueOn: optionalDay,
  }),
  record('Deputy', 'A named deputy with delegated authority for a date range (section 11).', {
    id,
    person: ref('PersonReference'),
    startsOn: day,
    endsOn: optionalDay,
  }),
  record('BodyMembership', 'A person’s seat on the body, representing an agency.', {
    id,
    person: ref('PersonReference'),
    status: choice(MEMBERSHIP_STATUSES.values),
    representsAgency: ref('Reference'),
    decisionMaking: described(flag, 'Has decision-making rights (observers never do).'),
    startsOn: day,
    endsOn: described(optionalDay, 'Last day of the membership; null when open-ended.'),
    inductionCompletedOn: optionalDay,
    deputies: listOf('Deputy'),
  }),
  record('QuorumRule', 'When the body may decide (section 21).', {
    usesSafeguardingPartners: described(
      flag,
      'True: the required agencies are the partnership’s statutory safeguarding partners.',
    ),
    requiredAgencies: described(listOf('Reference'), 'Agencies that must be represented.'),
    minimumHeadCount: described(
      { type: ['integer', 'null'], minimum: 1 },
      'People with decision-making rights who must be present; null when there is no minimum.',
    ),
  }),
  record(
    'Error',
    'What went wrong.',
    {
      error: text,
      fields: described(
        { type: 'object', additionalProperties: text },
        'For a bad query: each parameter that was wrong, with why.',
      ),
      requestId: described(text, 'Quote it when you report a problem.'),
    },
    ['fields', 'requestId'],
  ),
];

/** A record and what belongs to it, for the single-record endpoints. */
const detail = (name: string, base: string, description: string, extra: Record<string, object>) => {
  const parent = REGISTRY_SCHEMAS.find((schema) => schema.$id === base)!;
  return record(name, description, { ...parent.properties, ...extra });
};

REGISTRY_SCHEMAS.push(
  detail('PersonDetail', 'Person', 'A person and their memberships, current and past.', {
    memberships: listOf('PersonMembership'),
  }),
  detail(
    'BodyDetail',
    'Body',
    'A body, its officers, memberships with deputies, and quorum rule.',
    {
      purpose: text,
      reportsTo: optionalRef('Reference'),
      chair: optionalRef('Officer'),
      viceChair: optionalRef('Officer'),
      businessOfficer: optionalRef('PersonReference'),
      termsOfReferenceReviewDueOn: optionalDay,
      memberships: listOf('BodyMembership'),
      quorumRule: ref('QuorumRule'),
    },
  ),
);

/** A page of a list: 25 items at a time. */
export const listPage = (item: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['items', 'page', 'pages', 'total'],
  properties: {
    items: listOf(item),
    page: { type: 'integer', minimum: 1 },
    pages: { type: 'integer', minimum: 1 },
    total: { type: 'integer', minimum: 0 },
  },
});
