import type { ActionsDependencies } from './action-context.js';
import { buildActionLists } from './action-lists.service.js';
import { buildActionRecords } from './action-records.service.js';
import { buildActionReminders } from './action-reminders.service.js';

/** The partnership's one action log: actions from meeting items, their updates, lists, reminders. */
export function buildActionsService(dependencies: ActionsDependencies) {
  return {
    ...buildActionRecords(dependencies),
    ...buildActionLists(dependencies),
    ...buildActionReminders(dependencies),
  };
}

export type ActionsService = ReturnType<typeof buildActionsService>;
