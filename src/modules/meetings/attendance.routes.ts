import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { ukDate } from '../../platform/dates.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { deputiesOnDay, type RegisterLine } from './attendance-register.js';
import { guestForm, parseAttendanceChoices } from './attendance.forms.js';
import type { AttendanceService } from './attendance.service.js';
import { approvedRecordProblem } from './approved-record.js';
import { meetingsPolicies } from './meetings.policy.js';

type Body = Record<string, unknown>;
type WithId = { Params: { id: string } };
type WithGuest = { Params: { id: string; guestId: string } };
type Register = NonNullable<Awaited<ReturnType<AttendanceService['register']>>>;

function delegationText(deputy: RegisterLine['deputies'][number]) {
  const from = ukDate(deputy.startsOn);
  return deputy.endsOn
    ? `${deputy.personName} (delegation ${from} to ${ukDate(deputy.endsOn)})`
    : `${deputy.personName} (delegation from ${from})`;
}

/**
 * Each member's line on the form: what was typed when the form comes back with errors,
 * otherwise what is recorded. After a conflict the versions are the current ones, so that
 * saving again is a deliberate choice over the other person's record.
 */
function registerLines(loaded: Register, values?: Body, errors?: FieldErrors) {
  return loaded.lines.map((line) => {
    const { seat, deputies, recorded } = line;
    const id = seat.membershipId;
    const status = values ? values[`status-${id}`] : recorded?.status;
    const deputyId = values ? values[`deputy-${id}`] : recorded?.deputyId;
    // Offered only where a deputy may stand in that day; a choice already made stays shown.
    const offered = deputies.filter(
      (deputy) => deputiesOnDay(line, loaded.day).includes(deputy) || deputy.deputyId === deputyId,
    );
    return {
      seat,
      status,
      version: values && !errors?.form ? values[`version-${id}`] : (recorded?.version ?? ''),
      deputyItems: [{ value: '', text: 'Select a deputy' }].concat(
        offered.map((deputy) => ({
          value: deputy.deputyId,
          text: delegationText(deputy),
          selected: deputy.deputyId === deputyId,
        })),
      ),
      mayBeRepresented: offered.length > 0 || status === 'deputy',
      hasDeputies: offered.length > 0,
    };
  });
}

/** Recording who came to a meeting: members, their deputies, and guests. */
export function attendanceRoutes(app: FastifyInstance, services: Services) {
  const run = { config: { policy: meetingsPolicies.run } };
  const attendance = () => services.meetings.attendance;

  const load = (request: FastifyRequest<WithId>) => {
    const id = recordId(request.params.id);
    return id ? attendance().register(tenantContext(request), id) : null;
  };

  const renderRegister = (
    reply: FastifyReply,
    loaded: Register,
    values?: Body,
    errors?: FieldErrors,
  ) =>
    reply.page('meetings/views/attendance.njk', {
      pageTitle: `Attendance: ${loaded.body.name}, ${ukDate(loaded.meeting.startsAt)}`,
      loaded,
      lines: registerLines(loaded, values, errors),
      locked: approvedRecordProblem(loaded.meeting, 'its attendance'),
      errors,
    });

  app.get<WithId>('/meetings/:id/attendance', run, async (request, reply) => {
    const loaded = await load(request);
    if (!loaded) return notFound(reply);
    return renderRegister(reply, loaded);
  });

  app.post<WithId & { Body: Body }>('/meetings/:id/attendance', run, async (request, reply) => {
    const loaded = await load(request);
    if (!loaded) return notFound(reply);
    const choices = parseAttendanceChoices(request.body);
    const result = choices.ok
      ? await attendance().record(tenantContext(request), loaded.meeting.id, choices.value)
      : choices;
    if (!result.ok) {
      const current = result.errors.form ? await load(request) : loaded;
      return renderRegister(reply.code(400), current!, typedValues(request.body), result.errors);
    }
    return reply
      .flash('Attendance saved')
      .redirect(`/meetings/${loaded.meeting.id}#attendance`, 303);
  });

  const renderGuest = (
    reply: FastifyReply,
    loaded: Register,
    values: Body,
    errors?: FieldErrors,
    guestId?: string,
  ) =>
    reply.page('meetings/views/guest-form.njk', {
      pageTitle: guestId ? 'Correct a guest' : 'Add a guest',
      loaded,
      values,
      errors,
      action: `/meetings/${loaded.meeting.id}/attendance/guests${guestId ? `/${guestId}` : ''}`,
    });

  app.get<WithId>('/meetings/:id/attendance/guests', run, async (request, reply) => {
    const loaded = await load(request);
    if (!loaded) return notFound(reply);
    return renderGuest(reply, loaded, {});
  });

  app.post<WithId & { Body: Body }>(
    '/meetings/:id/attendance/guests',
    run,
    async (request, reply) => {
      const loaded = await load(request);
      if (!loaded) return notFound(reply);
      const form = parseForm(guestForm, request.body);
      if (!form.ok)
        return renderGuest(reply.code(400), loaded, typedValues(request.body), form.errors);
      const result = await attendance().addGuest(
        tenantContext(request),
        loaded.meeting.id,
        form.value,
      );
      if (!result.ok)
        return renderGuest(reply.code(400), loaded, typedValues(request.body), result.errors);
      return reply
        .flash(`${form.value.guestName} added as a guest`)
        .redirect(`/meetings/${loaded.meeting.id}/attendance#guests`, 303);
    },
  );

  const loadGuest = async (request: FastifyRequest<WithGuest>) => {
    const loaded = await load(request);
    const guestId = recordId(request.params.guestId);
    const guest = loaded && guestId ? loaded.guests.find((row) => row.id === guestId) : null;
    return loaded && guest ? { loaded, guest } : null;
  };

  app.get<WithGuest>('/meetings/:id/attendance/guests/:guestId', run, async (request, reply) => {
    const found = await loadGuest(request);
    if (!found) return notFound(reply);
    const { guest } = found;
    const values = {
      guestName: guest.guestName,
      guestRole: guest.guestRole,
      version: guest.version,
    };
    return renderGuest(reply, found.loaded, values, undefined, guest.id);
  });

  app.post<WithGuest & { Body: Body }>(
    '/meetings/:id/attendance/guests/:guestId',
    run,
    async (request, reply) => {
      const found = await loadGuest(request);
      if (!found) return notFound(reply);
      const { loaded, guest } = found;
      const form = parseForm(guestForm, request.body);
      const result = form.ok
        ? await attendance().correctGuest(
            tenantContext(request),
            loaded.meeting.id,
            guest.id,
            form.value,
          )
        : form;
      if (!result.ok) {
        const values = { ...typedValues(request.body) } as Body;
        if (result.errors.form) values.version = (await loadGuest(request))?.guest.version;
        return renderGuest(reply.code(400), loaded, values, result.errors, guest.id);
      }
      return reply
        .flash('Guest corrected')
        .redirect(`/meetings/${loaded.meeting.id}/attendance#guests`, 303);
    },
  );

  const removalPage = (
    reply: FastifyReply,
    found: NonNullable<Awaited<ReturnType<typeof loadGuest>>>,
  ) =>
    reply.page('meetings/views/agenda-confirm.njk', {
      pageTitle: `Remove ${found.guest.guestName} from the guests?`,
      caption: `${found.loaded.body.name}, ${ukDate(found.loaded.meeting.startsAt)}`,
      paragraphs: [
        'Remove a guest only if they were recorded by mistake. The audit trail keeps a record that they were added and removed.',
      ],
      action: `/meetings/${found.loaded.meeting.id}/attendance/guests/${found.guest.id}/remove`,
      back: `/meetings/${found.loaded.meeting.id}/attendance#guests`,
      confirmText: 'Remove guest',
      cancelText: 'Keep them',
    });

  app.get<WithGuest>(
    '/meetings/:id/attendance/guests/:guestId/remove',
    run,
    async (request, reply) => {
      const found = await loadGuest(request);
      return found ? removalPage(reply, found) : notFound(reply);
    },
  );

  app.post<WithGuest>(
    '/meetings/:id/attendance/guests/:guestId/remove',
    run,
    async (request, reply) => {
      const found = await loadGuest(request);
      if (!found) return notFound(reply);
      const result = await attendance().removeGuest(
        tenantContext(request),
        found.loaded.meeting.id,
        found.guest.id,
      );
      if (!result.ok) return notFound(reply);
      return reply
        .flash(`${found.guest.guestName} removed from the guests`)
        .redirect(`/meetings/${found.loaded.meeting.id}/attendance#guests`, 303);
    },
  );
}
