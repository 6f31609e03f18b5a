import { z } from 'zod';

const uuid = z.uuid();

/** A record id from the URL, or null so the route answers 404 rather than failing. */
export function recordId(value: unknown): string | null {
  const parsed = uuid.safeParse(value);
  return parsed.success ? parsed.data : null;
}
