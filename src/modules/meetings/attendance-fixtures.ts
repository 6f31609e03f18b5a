import { inTenant } from '../../db/client.js';
import type { meetingTestBed } from './meeting-fixtures.js';
import type { AttendanceStatus } from './meetings.vocabulary.js';
import { updateMeeting } from './meetings.repository.js';

type Bed = Awaited<ReturnType<typeof meetingTestBed>>;

let counter = 0;

/**
 * A body whose quorum needs the police and the council, with a decision-making member for
 * each, a police deputy whose delegation runs from 1 December 2026 to 31 March 2027, and an
 * observer from the council who never counts.
 */
export async function quorumScene(
  bed: Bed,
  values: { bodyName?: string; reportsToId?: string } = {},
) {
  const { fixtures, services, context } = bed;
  counter += 1;
  const police = await fixtures.agency({ name: `Northshire Police ${counter}` });
  const council = await fixtures.agency({ name: `Northshire Council ${counter}` });
  const bodyName = values.bodyName ?? `Practice Review Group ${counter}`;
  const body = await fixtures.body({ name: bodyName, reportsToId: values.reportsToId ?? null });
  const found = await services.governance.bodies.get(context, body);
  const changed = await services.governance.bodies.updateQuorumRule(context, body, {
    quorumUsesPartners: 'no',
    requiredAgencyIds: [police, council],
    minimumHeadCount: null,
    version: found!.version,
  });
  if (!changed.ok) throw new Error('Fixture refused the quorum rule');
  const officer = await fixtures.person(police, { fullName: `Sam Patel ${counter}` });
  const stand = await fixtures.person(police, { fullName: `Dana Hughes ${counter}` });
  const director = await fixtures.person(council, { fullName: `Jo Evans ${counter}` });
  const watcher = await fixtures.person(council, { fullName: `Lee Brown ${counter}` });
  const policeSeat = await fixtures.membership(body, officer, police);
  const councilSeat = await fixtures.membership(body, director, council);
  const observerSeat = await fixtures.membership(body, watcher, council, { decisionMaking: false });
  const added = await services.governance.memberships.addDeputy(context, policeSeat, {
    personId: stand,
    startsOn: '2026-12-01',
    endsOn: '2027-03-31',
  });
  if (!added.ok) throw new Error(`Fixture refused the deputy: ${JSON.stringify(added.errors)}`);
  const { deputies } = (await services.governance.memberships.find(context, policeSeat))!;
  return {
    police,
    council,
    body,
    bodyName,
    policeSeat,
    councilSeat,
    observerSeat,
    deputy: deputies[0]!.deputy.id,
    names: {
      police: `Northshire Police ${counter}`,
      council: `Northshire Council ${counter}`,
      officer: `Sam Patel ${counter}`,
      deputy: `Dana Hughes ${counter}`,
      director: `Jo Evans ${counter}`,
    },
  };
}

/** Records attendance through the service, as if someone else had saved the form. */
export async function recordAttendance(
  bed: Bed,
  meetingId: string,
  choices: { membershipId: string; status: AttendanceStatus; deputyId?: string }[],
) {
  const register = await bed.services.meetings.attendance.register(bed.context, meetingId);
  const outcome = await bed.services.meetings.attendance.record(
    bed.context,
    meetingId,
    choices.map((choice) => ({
      deputyId: null,
      ...choice,
      version:
        register!.lines.find((line) => line.seat.membershipId === choice.membershipId)?.recorded
          ?.version ?? null,
    })),
  );
  if (!outcome.ok) throw new Error(`Fixture refused attendance: ${JSON.stringify(outcome.errors)}`);
}

/** Cancels a meeting directly: cancelling has its own pages elsewhere. */
export async function cancelMeeting(bed: Bed, meetingId: string) {
  await inTenant(bed.database.app.db, bed.context, (tx) =>
    updateMeeting(tx, meetingId, undefined, { status: 'cancelled', cancelReason: 'Chair unwell' }),
  );
}
