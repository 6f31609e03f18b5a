import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import {
  FEWEST_REMINDER_DAYS,
  MOST_REMINDER_DAYS,
  nonWorkingDayForm,
  parseNonWorkingDayForm,
  reminderSettingForm,
} from './calendar.forms.js';
import { calendarPolicies } from './calendar.policy.js';
import { timescaleRoutes } from './timescales.routes.js';
import { workingDaysRoutes } from './working-days.routes.js';

type Body = Record<string, unknown>;
type WithId = { Params: { id: string } };
type Sent = { values?: Body; errors?: FieldErrors };

const PAGE = '/admin/calendar';

/** The working calendar page: bank holidays, the partnership's own days, reminder timing. */
export function calendarRoutes(app: FastifyInstance, services: Services) {
  const manage = { config: { policy: calendarPolicies.manage } };
  const { calendar } = services;
  workingDaysRoutes(app, services);
  timescaleRoutes(app, services);

  /** One page, two forms: what was typed goes back to the form it came from. */
  const renderPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    sent: { day?: Sent; reminders?: Sent } = {},
  ) => {
    const overview = await calendar.overview(tenantContext(request));
    const remindersSent = sent.reminders ?? {};
    return reply.page('calendar/views/calendar.njk', {
      pageTitle: 'Working calendar',
      ...overview,
      dayValues: sent.day?.values ?? {},
      reminderValues: remindersSent.values ?? {
        actionReminderWorkingDays: String(overview.settings.actionReminderWorkingDays),
      },
      reminderVersion: versionToShow(remindersSent, overview.settings.version),
      errors: sent.day?.errors ?? remindersSent.errors,
      fewestReminderDays: FEWEST_REMINDER_DAYS,
      mostReminderDays: MOST_REMINDER_DAYS,
    });
  };

  app.get(PAGE, manage, (request, reply) => renderPage(request, reply));

  app.post<{ Body: Body }>(`${PAGE}/days`, manage, async (request, reply) => {
    const form = parseForm(nonWorkingDayForm, parseNonWorkingDayForm(request.body));
    const result = form.ok
      ? await calendar.addNonWorkingDay(tenantContext(request), form.value)
      : form;
    if (!result.ok)
      return renderPage(request, reply.code(400), {
        day: { values: typedValues(request.body), errors: result.errors },
      });
    return reply
      .flash(`${result.value.name} added as a non-working day`)
      .redirect(`${PAGE}#non-working-days`, 303);
  });

  app.get<WithId>(`${PAGE}/days/:id/remove`, manage, async (request, reply) => {
    const day = await withRecordId(request.params.id, (id) =>
      calendar.findNonWorkingDay(tenantContext(request), id),
    );
    if (!day) return notFound(reply);
    return reply.page('calendar/views/remove-day.njk', {
      pageTitle: 'Remove a non-working day',
      day,
    });
  });

  app.post<WithId>(`${PAGE}/days/:id/remove`, manage, async (request, reply) => {
    const removed = await withRecordId(request.params.id, (id) =>
      calendar.removeNonWorkingDay(tenantContext(request), id),
    );
    if (!removed) return notFound(reply);
    return reply
      .flash(`${removed.name} removed: it is a working day again`)
      .redirect(`${PAGE}#non-working-days`, 303);
  });

  app.post<{ Body: Body }>(`${PAGE}/reminders`, manage, async (request, reply) => {
    const form = parseForm(reminderSettingForm, request.body);
    const result = form.ok
      ? await calendar.setReminderDays(tenantContext(request), form.value)
      : form;
    if (!result.ok)
      return renderPage(request, reply.code(400), {
        reminders: { values: typedValues(request.body), errors: result.errors },
      });
    const days = result.value.actionReminderWorkingDays;
    return reply
      .flash(
        `Action owners will be reminded ${days} working ${days === 1 ? 'day' : 'days'} before the due date`,
      )
      .redirect(`${PAGE}#action-reminders`, 303);
  });
}
