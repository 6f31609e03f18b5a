import { z } from 'zod';
import { clockTime } from '../../platform/clock-time.js';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import {
  optionalText,
  requiredId,
  requiredText,
  versionField,
} from '../../platform/form-fields.js';

/** One meeting: its body, day, start and end (UK time) and where it is held. */
export const meetingForm = z
  .object({
    bodyId: requiredId('Select the body that is meeting'),
    day: calendarDate('Date of the meeting', { required: true }),
    startTime: clockTime('Start time'),
    endTime: clockTime('End time'),
    location: optionalText('Location', 300).transform((value) => value ?? ''),
    version: versionField,
  })
  .refine((meeting) => meeting.endTime > meeting.startTime, {
    path: ['endTime'],
    message: 'The end time must be after the start time',
  });

export type MeetingInput = z.infer<typeof meetingForm>;

export const parseMeetingForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, ['day']);

/** A change of a meeting's time or place, with the reason members are told. */
export const meetingChangeForm = meetingForm.and(
  z.object({ reason: requiredText('Enter the reason for the change', 'Reason', 1000) }),
);

export const meetingCancelForm = z.object({
  reason: requiredText('Enter the reason the meeting is cancelled', 'Reason', 1000),
  version: versionField,
});

export const meetingFilter = z.object({
  body: z.uuid().optional().catch(undefined),
  when: z.enum(['upcoming', 'past', 'all']).optional().catch(undefined),
  page: z.coerce.number().int().positive().max(100000).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(200, 'Search text must be 200 characters or fewer')
    .transform((text) => text || undefined)
    .optional(),
  /** ISO dates; meetings starting on or after `from` and on or before `to` (UK days). */
  from: z.iso.date().nullish(),
  to: z.iso.date().nullish(),
});

export type MeetingFilter = z.infer<typeof meetingFilter>;

/**
 * The meetings list's search as typed: GOV.UK date inputs (`from-day`, …, folded by
 * `parseMeetingSearch`) that must be real dates, the "to" date not before the "from" date.
 */
export const meetingSearch = meetingFilter
  .extend({ from: calendarDate('From date'), to: calendarDate('To date') })
  .refine((search) => !search.from || !search.to || search.from <= search.to, {
    path: ['to'],
    message: 'The to date must be the same as or after the from date',
  });

export const parseMeetingSearch = (query: unknown) =>
  foldDateInputs(query as Record<string, unknown>, ['from', 'to']);
