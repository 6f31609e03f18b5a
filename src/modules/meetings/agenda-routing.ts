import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { viewerOf } from './agenda-page.js';
import { runsMeetings } from './meeting-page.js';
import { ITEM_PURPOSES } from './meetings.vocabulary.js';

type Body = Record<string, unknown>;

/** The signed-in person as the agenda services see them. */
export const meetingViewer = (request: FastifyRequest) => viewerOf(request, runsMeetings(request));

export const meetingPath = (meetingId: string) => `/meetings/${meetingId}`;

/** The purpose radios, with the chosen one ticked. */
export const purposeItems = (selected: unknown) =>
  ITEM_PURPOSES.values.map((value) => ({
    value,
    text: ITEM_PURPOSES.names[value],
    checked: value === selected,
  }));

/**
 * The answer when a service refused for a reason that is not a field's: not found, not
 * allowed (403), or not possible now (409), each in words with the way back.
 */
export function refusal(reply: FastifyReply, errors: FieldErrors, back: string) {
  if (errors.forbidden)
    return reply.code(403).page('meetings/views/agenda-refusal.njk', {
      pageTitle: 'You cannot do this',
      message: errors.forbidden,
      back,
    });
  if (errors.refused)
    return reply.code(409).page('meetings/views/agenda-refusal.njk', {
      pageTitle: 'This cannot be done now',
      message: errors.refused,
      back,
    });
  return notFound(reply);
}

/** Whether the errors are a refusal rather than problems with what was typed. */
export const isRefusal = (errors: FieldErrors) =>
  'forbidden' in errors || 'refused' in errors || 'meeting' in errors || 'item' in errors;

/** The item form's values: those typed, or the stored item's. */
export const itemFormValues = (item: {
  title: string;
  purpose: string;
  presenter: string;
  durationMinutes: number | null;
}): Body => ({
  title: item.title,
  purpose: item.purpose,
  presenter: item.presenter,
  durationMinutes: item.durationMinutes === null ? '' : String(item.durationMinutes),
});
