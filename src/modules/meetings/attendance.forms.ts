import { z } from 'zod';
import { MAX_VERSION, requiredText, versionField } from '../../platform/form-fields.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { recordId } from '../../platform/http/params.js';
import type { AttendanceChoice } from './attendance-register.js';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from './meetings.vocabulary.js';

const STATUS_FIELD = /^status-(.*)$/;

const isStatus = (value: unknown): value is AttendanceStatus =>
  (ATTENDANCE_STATUSES.values as readonly unknown[]).includes(value);

function versionOf(value: unknown) {
  const version = Number(value);
  return Number.isInteger(version) && version > 0 && version <= MAX_VERSION ? version : null;
}

/**
 * The attendance form: for each member, `status-<membershipId>`, `deputy-<membershipId>`
 * (read only when the status is deputy) and the `version-<membershipId>` it was shown.
 */
export function parseAttendanceChoices(body: unknown): Outcome<AttendanceChoice[]> {
  const fields = (body ?? {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const choices: AttendanceChoice[] = [];
  for (const [name, status] of Object.entries(fields)) {
    const typedId = STATUS_FIELD.exec(name)?.[1];
    if (typedId === undefined) continue;
    const membershipId = recordId(typedId);
    if (!membershipId) {
      errors.register = 'Record attendance only for the members listed on this page';
      continue;
    }
    if (!isStatus(status)) {
      errors[name] = 'Select present, apologies, absent or represented by a deputy';
      continue;
    }
    choices.push({
      membershipId,
      status,
      deputyId: status === 'deputy' ? recordId(fields[`deputy-${membershipId}`]) : null,
      version: versionOf(fields[`version-${membershipId}`]),
    });
  }
  return Object.keys(errors).length > 0 ? failure(errors) : success(choices);
}

/** Someone at the meeting who holds no seat on the body. */
export const guestForm = z.object({
  guestName: requiredText("Enter the guest's name", 'Name', 200),
  guestRole: requiredText("Enter the guest's role and organisation", 'Role and organisation', 300),
  version: versionField,
});

export type GuestInput = z.infer<typeof guestForm>;
