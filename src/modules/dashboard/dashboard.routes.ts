import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { MINUTES_STATUSES } from '../meetings/meetings.vocabulary.js';
import { URGENCY_NAMES } from '../reviews/case-progress.js';
import { dashboardPolicies } from './dashboard.policy.js';

/** The business unit's view of what needs doing across the partnership's bodies. */
export function dashboardRoutes(app: FastifyInstance, services: Services) {
  app.get('/dashboard', { config: { policy: dashboardPolicies.read } }, async (request, reply) => {
    const context = tenantContext(request);
    const watchList = await services.meetings.businessUnit.watchList(context);
    const bodies = await services.governance.bodies.all(context, { activeOnly: false });
    const overdueByAgency = await services.actions.overdueByAgency(context);
    const quoracyRisks = await services.meetings.attendance.quoracyRisks(
      context,
      watchList.upcoming.map((meeting) => meeting.id),
    );
    return reply.page('dashboard/views/dashboard.njk', {
      pageTitle: 'Business unit dashboard',
      ...watchList,
      bodyNames: Object.fromEntries(bodies.map((body) => [body.id, body.name])),
      minutesStatusNames: MINUTES_STATUSES.names,
      overdueByAgency,
      quoracyRisks,
      caseDeadlines: await services.reviews.dashboard.needingAttention(context),
      ratificationsWaiting: await services.meetings.decisionsRegister.waiting(context),
      urgencyNames: URGENCY_NAMES,
    });
  });
}
