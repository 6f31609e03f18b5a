import type { TenantContext } from '../../db/client.js';
import type { Services } from '../../composition.js';
import { deadlineMet, deadlinesOf, nextDeadline, stageOf, urgencyOf } from './case-progress.js';
import { MOST_CHILDREN } from './cases.service.js';

/**
 * Everything the case page shows, for the case team only: the case (its opening is the
 * audited view), its clocks worked out for today, and each stage's record.
 */
export async function caseFile(services: Services, context: TenantContext, caseId: string) {
  const opened = await services.reviews.cases.open(context, caseId);
  if (!opened) return null;
  const calendar = await services.calendar.workingCalendar(context);
  const today = services.calendar.today();
  const deadlines = deadlinesOf(opened.facts, calendar).map((deadline) => ({
    ...deadline,
    met: deadlineMet(deadline),
    urgency: deadline.metOn ? null : urgencyOf(deadline.dueOn, today, calendar),
    workingDaysLeft: deadline.metOn ? null : calendar.workingDaysBetween(today, deadline.dueOn),
  }));
  return {
    ...opened,
    stage: stageOf(opened.facts),
    deadlines,
    next: nextDeadline(opened.facts, calendar, today),
    canAddChild: opened.children.length < MOST_CHILDREN,
    actionPlan: await services.reviews.recommendations.ofCase(context, caseId),
    learning: await services.reviews.learning.ofCase(context, caseId),
    practiceReview: await services.reviews.practiceReviews.ofCase(context, caseId),
    rapidReview: await services.reviews.rapidReviews.ofCase(context, caseId),
  };
}

export type CaseFile = NonNullable<Awaited<ReturnType<typeof caseFile>>>;
