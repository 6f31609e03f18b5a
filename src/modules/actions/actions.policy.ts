import { signedIn } from '../../platform/policy.js';
import { meetingsPolicies } from '../meetings/meetings.policy.js';

/**
 * Everyone in the partnership reads the action log; the business unit records actions and
 * changes their owner or due date. An action's owner may also update it, which the service
 * checks action by action.
 */
export const actionsPolicies = {
  read: signedIn,
  run: meetingsPolicies.run,
  update: signedIn,
};
