import { z } from 'zod';
import { MAX_VERSION } from '../../platform/form-fields.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';

export const MINUTE_MAX_LENGTH = 20000;

/** The form's field names for an item: its minute and the item version it was read at. */
export const minuteField = (itemId: string) => `minute-${itemId}`;
export const minuteVersionField = (itemId: string) => `version-${itemId}`;

const minuteText = z
  .string()
  .trim()
  .max(MINUTE_MAX_LENGTH, `The minute must be ${MINUTE_MAX_LENGTH} characters or fewer`);
const itemVersion = z.coerce.number().int().positive().max(MAX_VERSION);

export interface MinuteInput {
  itemId: string;
  minutes: string;
  version: number;
}

/**
 * The minutes typed for the meeting's items. An item the form did not carry (added after the
 * form was opened) is left as it is; a field naming an item not on the agenda is ignored.
 */
export function parseMinutesForm(
  body: Record<string, unknown>,
  items: { id: string; title: string }[],
): Outcome<MinuteInput[]> {
  const minutes: MinuteInput[] = [];
  const errors: FieldErrors = {};
  for (const item of items) {
    const field = minuteField(item.id);
    if (body[field] === undefined) continue;
    const text = minuteText.safeParse(body[field]);
    const version = itemVersion.safeParse(body[minuteVersionField(item.id)]);
    if (!text.success) errors[field] = `${item.title}: ${text.error.issues[0]!.message}`;
    else if (!version.success)
      errors[field] = `${item.title}: the form was incomplete, open the minutes again`;
    else minutes.push({ itemId: item.id, minutes: text.data, version: version.data });
  }
  return Object.keys(errors).length > 0 ? failure(errors) : success(minutes);
}
