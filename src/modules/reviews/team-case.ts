import type { Executor, TenantContext } from '../../db/client.js';
import { findCase, isOnTeam } from './cases.repository.js';

/**
 * The case when the signed-in user is on its team, read in the caller's transaction so
 * that the check and the change it guards commit together; null otherwise (a 404).
 */
export async function teamCaseIn(tx: Executor, context: TenantContext, caseId: string) {
  if (!context.userId || !(await isOnTeam(tx, caseId, context.userId))) return null;
  return findCase(tx, caseId);
}
