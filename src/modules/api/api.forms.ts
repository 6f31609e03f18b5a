import { z } from 'zod';
import { calendarDate } from '../../platform/date-input.js';
import { MAX_VERSION } from '../../platform/form-fields.js';
import { ACTION_STATUSES } from '../actions/action-status.js';
import { MOST_WORKING_DAYS } from '../calendar/working-days.forms.js';
import { BODY_TYPES } from '../governance/governance.vocabulary.js';

export const TOKEN_NAME_MAX = 80;

export const apiTokenForm = z.object({
  name: z
    .string({ error: 'Enter a name for the token' })
    .trim()
    .min(1, 'Enter a name for the token')
    .max(TOKEN_NAME_MAX, `Name must be ${TOKEN_NAME_MAX} characters or fewer`),
});

export type ApiTokenInput = z.infer<typeof apiTokenForm>;

/** A query parameter left empty (`?q=`) is the same as one not given. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const search = optional(
  z.string({ error: 'q must be given once' }).trim().max(200, 'q must be 200 characters or fewer'),
);
export const page = optional(
  z.coerce
    .number({ error: 'page must be a whole number from 1' })
    .int('page must be a whole number from 1')
    .min(1, 'page must be a whole number from 1')
    .max(100_000, 'page must be 100000 or less'),
);

/** The API's list queries: stricter than the pages' filters, because a program can fix its call. */
export const agencyQuery = z.object({ q: search, page });
export const personQuery = z.object({
  q: search,
  agency: optional(z.uuid({ error: 'agency must be the id of an agency' })),
  page,
});
export const bodyQuery = z.object({
  q: search,
  type: optional(z.enum(BODY_TYPES.values, { error: 'type must be one of the body types' })),
  page,
});

const idOf = (name: string, record: string) =>
  optional(z.uuid({ error: `${name} must be the id of ${record}` }));

export const actionQuery = z.object({
  body: idOf('body', 'a body'),
  agency: idOf('agency', 'an agency'),
  owner: idOf('owner', 'a person'),
  status: optional(
    z.enum(ACTION_STATUSES.values, {
      error: `status must be one of ${ACTION_STATUSES.values.join(', ')}`,
    }),
  ),
  overdue: optional(z.literal('yes', { error: 'overdue must be yes, or left out' })),
  page,
});

/** Which meeting item a new action arises from; the action's own fields are the form's. */
export const actionSource = z.object({
  meetingId: z.uuid({ error: 'meetingId must be the id of a meeting' }),
  itemId: z.uuid({ error: 'itemId must be the id of an item of that meeting' }),
});

/** An API update must say which version it changes, so a stale one is refused. */
const versionMessage = `version must be the action’s current version, a whole number from 1 to ${MAX_VERSION}`;
export const versionRequired = z.object({
  version: z
    .number({ error: versionMessage })
    .int(versionMessage)
    .min(1, versionMessage)
    .max(MAX_VERSION, versionMessage),
});

export const meetingQuery = z.object({
  body: idOf('body', 'a body'),
  when: optional(
    z.enum(['upcoming', 'past', 'all'], { error: 'when must be upcoming, past or all' }),
  ),
  page,
});

/** Missing, or given more than once (which arrives as a list). */
const requiredOnce = (name: string, what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${name} is required: ${what}` : `${name} must be given once`;

/** The pages' date check (a real date, 1900 to 2200), for a date the API takes as YYYY-MM-DD. */
const realDate = calendarDate('from', { required: true });

const addRange = `a whole number from -${MOST_WORKING_DAYS} to ${MOST_WORKING_DAYS}`;
const addMessage = `add must be ${addRange}`;

/** Both are required; an empty one (`?from=`) is the same as one not given. */
export const workingDaysQuery = z.object({
  from: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string({ error: requiredOnce('from', 'a date as YYYY-MM-DD') })
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'from must be a date as YYYY-MM-DD')
      .refine((value) => realDate.safeParse(value).success, 'from must be a real date'),
  ),
  add: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string({ error: requiredOnce('add', addRange) })
      .regex(/^[-+]?\d+$/, addMessage)
      .transform(Number)
      .pipe(z.number().min(-MOST_WORKING_DAYS, addMessage).max(MOST_WORKING_DAYS, addMessage)),
  ),
});
