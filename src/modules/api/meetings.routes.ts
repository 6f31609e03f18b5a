import type { FastifyInstance } from 'fastify';
import type { TenantContext } from '../../db/client.js';
import type { Services } from '../../composition.js';
import { listEndpoint, recordEndpoint } from './api-endpoints.js';
import { meetingQuery } from './api.forms.js';
import { meetingDetailJson, meetingJson, type MeetingRecord } from './meetings.json.js';

const TAG = 'Meetings';

/** Meetings of the partnership's bodies, read-only: agenda, attendance, quorum, decisions. */
export function meetingEndpoints(api: FastifyInstance, services: Services) {
  const { meetings, governance } = services;

  async function withBodyNames(
    context: TenantContext,
    filter: Parameters<typeof meetings.list>[1],
  ) {
    const result = await meetings.list(context, filter);
    const bodies = await governance.bodies.all(context, { activeOnly: false });
    const names = new Map(bodies.map((body) => [body.id, body.name]));
    return {
      ...result,
      rows: result.rows.map((row) => ({ row, bodyName: names.get(row.bodyId) ?? '' })),
    };
  }

  async function meetingRecord(context: TenantContext, id: string): Promise<MeetingRecord | null> {
    const found = await meetings.find(context, id);
    if (!found) return null;
    const register = (await meetings.attendance.register(context, id))!;
    const quoracy = (await meetings.attendance.quoracy(context, id))!;
    const { byItem } = await meetings.decisions.onMeeting(context, id, found.items);
    return { found, register, quoracy, decisions: byItem };
  }

  listEndpoint(api, '/api/v1/meetings', {
    tag: TAG,
    summary: 'List meetings',
    description:
      'Upcoming meetings soonest first (the default), or past ones latest first, 25 to a page.',
    query: meetingQuery,
    described: {
      body: { type: 'string', format: 'uuid', description: 'Only meetings of this body.' },
      when: { type: 'string', enum: ['upcoming', 'past', 'all'], default: 'upcoming' },
    },
    item: 'Meeting',
    load: withBodyNames,
    json: ({ row, bodyName }) => meetingJson(row, bodyName),
  });
  recordEndpoint(api, '/api/v1/meetings/:id', {
    tag: TAG,
    summary: 'Get a meeting, with its agenda, attendance and quorum result, and decisions',
    item: 'MeetingDetail',
    load: meetingRecord,
    json: meetingDetailJson,
  });
}
