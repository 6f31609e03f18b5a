import { z } from 'zod';

const uuid = z.uuid();

/** A record id from the URL, or null so the route answers 404 rather than failing. */
export function recordId(value: unknown): string | null {
  const parsed = uuid.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Runs `load` with the URL's record id, or gives null without asking the database when the
 * id is malformed: either way the route answers 404.
 */
export async function withRecordId<T>(
  value: unknown,
  load: (id: string) => Promise<T | null>,
): Promise<T | null> {
  const id = recordId(value);
  return id ? load(id) : null;
}
