import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm } from '../../platform/forms.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { error, refused } from './api-endpoints.js';
import { workingDaysQuery } from './api.forms.js';
import { apiPolicies } from './api.policy.js';
import { workingDaysCount } from './calendar.schemas.js';

const TAG = 'Working days';

const schema = {
  tags: [TAG],
  summary: 'Count working days from a date',
  description:
    'The date that is add working days after from, or before it when add is negative. ' +
    'Weekends, England and Wales bank holidays and the partnership’s own non-working days ' +
    'are not working days; from itself is not counted.',
  querystring: {
    type: 'object',
    required: ['from', 'add'],
    properties: {
      from: { type: 'string', format: 'date', description: 'The date to count from.' },
      add: { ...workingDaysCount, description: 'How many working days; negative counts back.' },
    },
  },
  response: {
    200: { $ref: 'WorkingDayCount#', description: 'The date reached.' },
    400: { ...error, description: 'from or add is missing or not valid: fields says which.' },
    ...refused,
  },
};

/** The partnership's working calendar, for programs that work out statutory deadlines. */
export function calendarEndpoints(api: FastifyInstance, services: Services) {
  api.get(
    '/api/v1/working-days',
    { schema, config: { policy: apiPolicies.read } },
    async (request, reply) => {
      const query = parseForm(workingDaysQuery, request.query);
      if (!query.ok)
        return reply.code(400).send({ error: 'The query is not valid', fields: query.errors });
      const { from, add } = query.value;
      const calendar = await services.calendar.workingCalendar(tenantContext(request));
      return { from, add, date: calendar.addWorkingDays(from, add) };
    },
  );
}
