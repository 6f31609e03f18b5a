import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';

export const BEARER_SCHEME = 'bearerToken';

/** What the OpenAPI document says of the API as a whole; the paths come from the routes. */
export const openApiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'MASA API',
      version: '1',
      description:
        'A safeguarding partnership’s governance registry (agencies, people and bodies, with ' +
        'memberships, deputies and quorum rules), its meetings with attendance, quorum and ' +
        'decisions, and its one action log, where actions can also be recorded and updated. ' +
        'It also counts working days, as the partnership’s statutory deadlines do, and ' +
        'lists case reviews with their statutory clocks; a case’s team may read the whole case. ' +
        'Every call acts as the ' +
        'person who made the token, in the partnership it was made for. A browser that is ' +
        'signed in to MASA may also read these addresses. Writes take a JSON object ' +
        '(Content-Type: application/json; anything else is refused with 415) and an optional ' +
        'Idempotency-Key header, which makes a retry safe: the same key with the same request ' +
        'gets the first answer again, for 24 hours, without writing twice.',
    },
    tags: [
      { name: 'Registry', description: 'Agencies, people and bodies' },
      {
        name: 'Meetings',
        description: 'Meetings, their agendas, attendance, quorum and decisions',
      },
      { name: 'Actions', description: 'The partnership’s one action log' },
      {
        name: 'Working days',
        description:
          'Dates counted in working days: England and Wales bank holidays and the partnership’s own non-working days are skipped',
      },
      {
        name: 'Case reviews',
        description:
          'Serious incidents, rapid reviews and practice reviews: references and statutory clocks for everyone; a whole case for its case team only',
      },
    ],
    components: {
      securitySchemes: {
        [BEARER_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A personal API token, made and revoked on your account page in MASA. It starts `masa_`.',
        },
      },
    },
    security: [{ [BEARER_SCHEME]: [] }],
  },
  // Components are named after the schemas' $id (Agency, Body ...) rather than def-0, def-1.
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, index) =>
      typeof json.$id === 'string' ? json.$id : `def-${index}`,
  },
};
