import type { FastifyInstance } from 'fastify';
import { format, parseISO } from 'date-fns';
import type { Services } from '../../composition.js';
import { parseForm } from '../../platform/forms.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { calendarPolicies } from './calendar.policy.js';
import type { WorkingDayCount } from './working-days.js';
import {
  isWorkingDaysQuestion,
  MOST_WORKING_DAYS,
  parseWorkingDaysQuery,
  workingDaysForm,
} from './working-days.forms.js';

/** "Friday 18 December 2026": the weekday matters when counting working days. */
const dayWithWeekday = (day: string) => format(parseISO(day), 'EEEE d MMMM yyyy');

/** The answer in words, and the skipped days with their weekdays, for the page. */
function answer(count: WorkingDayCount) {
  const days = Math.abs(count.add);
  return {
    sentence:
      `${days} working ${days === 1 ? 'day' : 'days'} ${count.add < 0 ? 'before' : 'after'} ` +
      `${dayWithWeekday(count.from)} is ${dayWithWeekday(count.date)}`,
    from: dayWithWeekday(count.from),
    fromReason: count.fromReason,
    weekendDays: count.weekendDays,
    namedDays: count.namedDays.map(({ day, reason }) => ({ day: dayWithWeekday(day), reason })),
  };
}

/** Anyone signed in may count working days: the page changes nothing, so it is a GET form. */
export function workingDaysRoutes(app: FastifyInstance, services: Services) {
  app.get(
    '/working-days',
    { config: { policy: calendarPolicies.count } },
    async (request, reply) => {
      const asked = isWorkingDaysQuestion(request.query);
      const form = asked ? parseForm(workingDaysForm, parseWorkingDaysQuery(request.query)) : null;
      const count = form?.ok
        ? await services.calendar.countWorkingDays(
            tenantContext(request),
            form.value.from,
            form.value.add,
          )
        : null;
      return reply.code(form && !form.ok ? 400 : 200).page('calendar/views/working-days.njk', {
        pageTitle: 'Count working days',
        values: typedValues(request.query),
        errors: form && !form.ok ? form.errors : undefined,
        answer: count ? answer(count) : null,
        mostWorkingDays: MOST_WORKING_DAYS,
      });
    },
  );
}
