import type { FieldErrors } from '../../platform/forms.js';

/**
 * Where a member's request to amend the arrangements has got to (section 26): received by
 * the chair, scheduled for a partnership meeting, then ratified by the members or declined.
 * Stored values never change; the words and tags are what people read.
 */
export const AMENDMENT_STATUSES = {
  received: { name: 'Received', tag: 'govuk-tag--blue' },
  scheduled: { name: 'Scheduled', tag: 'govuk-tag--yellow' },
  ratified: { name: 'Ratified', tag: 'govuk-tag--green' },
  declined: { name: 'Declined', tag: 'govuk-tag--grey' },
} as const;

export type AmendmentStatus = keyof typeof AMENDMENT_STATUSES;
export const AMENDMENT_STATUS_VALUES = Object.keys(AMENDMENT_STATUSES) as [
  AmendmentStatus,
  ...AmendmentStatus[],
];

/**
 * What the chair or business unit may set by hand. "Ratified" is not among them: a request is
 * ratified only when the body that heard it ratifies a decision on it (issue 17; decision
 * 0025), so nobody can mark it so with no decision behind it.
 */
export const STATUSES_SET_BY_HAND: readonly AmendmentStatus[] = [
  'received',
  'scheduled',
  'declined',
];
export const RATIFIED_BY_HAND =
  'A request is ratified only by a ratified decision of the partnership: it cannot be set by hand';

export const statusName = (status: string) =>
  AMENDMENT_STATUSES[status as AmendmentStatus]?.name ?? status;
export const statusTag = (status: string) =>
  AMENDMENT_STATUSES[status as AmendmentStatus]?.tag ?? 'govuk-tag--grey';

interface StatusAndNote {
  status: string;
  statusNote: string | null;
}

/**
 * What is wrong with a status change, or null. A declined request must say why, since the
 * member is told; a change that changes nothing would send them an email for no reason.
 */
export function statusChangeProblem(
  current: StatusAndNote,
  next: StatusAndNote,
): FieldErrors | null {
  if (!STATUSES_SET_BY_HAND.includes(next.status as AmendmentStatus))
    return { status: RATIFIED_BY_HAND };
  if (next.status === 'declined' && !next.statusNote)
    return { statusNote: 'Enter why the request was declined: the member who made it is told' };
  if (current.status === next.status && (current.statusNote ?? null) === (next.statusNote ?? null))
    return { status: 'Select a different status, or change the note' };
  return null;
}
