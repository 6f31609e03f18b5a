import { addDays } from 'date-fns';
import { inTenant, type TenantContext } from '../../db/client.js';
import type { MeetingsDependencies } from './meeting-context.js';
import {
  minutesAwaitingApproval,
  unpublishedAgendas,
  upcomingMeetings,
} from './business-unit.repository.js';

const SHOWN = 10;
/** How far ahead an unpublished agenda is worth flagging. */
const AGENDA_HORIZON_DAYS = 28;

/** What the business unit watches across every body's meetings. */
export function buildBusinessUnitView({ db, clock }: MeetingsDependencies) {
  async function watchList(context: TenantContext) {
    const now = clock.now();
    return inTenant(db, context, async (tx) => ({
      upcoming: await upcomingMeetings(tx, now, SHOWN),
      unpublished: await unpublishedAgendas(tx, now, addDays(now, AGENDA_HORIZON_DAYS), SHOWN),
      awaitingApproval: await minutesAwaitingApproval(tx, now, SHOWN),
      agendaHorizonDays: AGENDA_HORIZON_DAYS,
    }));
  }
  return { watchList };
}
