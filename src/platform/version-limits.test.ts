import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { timescaleForm } from '../modules/calendar/timescales.forms.js';
import { TIMESCALES } from '../modules/calendar/timescales.js';
import { parseAttendanceChoices } from '../modules/meetings/attendance.forms.js';
import { parseMinutesForm } from '../modules/meetings/minutes.forms.js';
import { MAX_VERSION } from './form-fields.js';

/**
 * The version parsers the property test cannot reach field by field (built per timescale, or
 * read from fields named after records): a number PostgreSQL's integer cannot hold is never
 * passed on to a query.
 */
const TOO_LARGE = ['2147483648', '999999999999', '1e20'];

describe('versions too large for PostgreSQL', () => {
  it.each(TOO_LARGE)('%s in a timescale form is read as no version (so a stale edit)', (v) => {
    const parsed = timescaleForm(TIMESCALES[0]).parse({
      value: String(TIMESCALES[0].defaultValue),
      version: v,
    });
    expect(parsed.version).toBe(0);
    expect(
      timescaleForm(TIMESCALES[0]).parse({ value: '5', version: String(MAX_VERSION) }).version,
    ).toBe(MAX_VERSION);
  });

  it.each(TOO_LARGE)('%s for a minute asks for the minutes to be opened again', (v) => {
    const item = { id: randomUUID(), title: 'Welcome' };
    const outcome = parseMinutesForm(
      { [`minute-${item.id}`]: 'Noted', [`version-${item.id}`]: v },
      [item],
    );
    expect(outcome).toEqual({
      ok: false,
      errors: { [`minute-${item.id}`]: 'Welcome: the form was incomplete, open the minutes again' },
    });
  });

  it.each(TOO_LARGE)('%s for a member’s attendance is read as no version', (v) => {
    const seat = randomUUID();
    const outcome = parseAttendanceChoices({
      [`status-${seat}`]: 'present',
      [`version-${seat}`]: v,
    });
    expect(outcome).toEqual({
      ok: true,
      value: [{ membershipId: seat, status: 'present', deputyId: null, version: null }],
    });
  });
});
