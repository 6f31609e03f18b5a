import type { Clock } from '../../platform/clock.js';
import { registryTestBed } from '../governance/registry-fixtures.js';
import type { MeetingInput } from './meetings.forms.js';

/** A clock tests can move: meetings, deadlines and reminders are judged against it. */
export function settableClock(start: string) {
  let now = new Date(start);
  const clock: Clock & { set(at: string): void } = {
    now: () => now,
    set: (at: string) => {
      now = new Date(at);
    },
  };
  return clock;
}

/**
 * The registry test bed plus a movable clock and a way to schedule meetings. The clock
 * starts at 09:00 on Friday 27 November 2026.
 */
export async function meetingTestBed(start = '2026-11-27T09:00:00Z') {
  const clock = settableClock(start);
  const bed = await registryTestBed({ clock });
  const { services, context } = bed;
  async function meeting(bodyId: string, day: string, values: Partial<MeetingInput> = {}) {
    const outcome = await services.meetings.create(context, {
      bodyId,
      day,
      startTime: '10:00',
      endTime: '12:00',
      location: 'Council House, Room 1',
      ...values,
    });
    if (!outcome.ok) throw new Error(`Fixture refused: ${JSON.stringify(outcome.errors)}`);
    return outcome.value.id;
  }
  return { ...bed, clock, meeting };
}
