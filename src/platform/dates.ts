import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const PARTNERSHIP_TIME_ZONE = 'Europe/London';

/** "26 November 2026, 3:05pm", in UK time whatever the server's zone. */
export function ukDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  return format(new TZDate(new Date(value), PARTNERSHIP_TIME_ZONE), 'd MMMM yyyy, h:mmaaa');
}

/** "26 November 2026". */
export function ukDate(value: Date | string | null | undefined): string {
  if (!value) return '';
  return format(new TZDate(new Date(value), PARTNERSHIP_TIME_ZONE), 'd MMMM yyyy');
}
