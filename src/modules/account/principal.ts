import type { Principal, Role } from '../../platform/policy.js';

export interface PartnershipRoles {
  id: string;
  name: string;
  roles: Role[];
}

/** One entry per partnership, in the order the rows came (by partnership name). */
export function groupRoles(rows: { id: string; name: string; role: string }[]): PartnershipRoles[] {
  const byId = new Map<string, PartnershipRoles>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, name: row.name, roles: [] };
    entry.roles.push(row.role as Role);
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}

/** Who is asking, in which of their partnerships (none when they hold no role in it). */
export function principalOf(
  session: { userId: string; partnershipId: string | null; mfaPassed: boolean },
  account: { email: string; displayName: string; mfaEnabled: boolean },
  partnerships: PartnershipRoles[],
): Principal {
  const current = partnerships.find((p) => p.id === session.partnershipId) ?? null;
  return {
    userId: session.userId,
    email: account.email,
    displayName: account.displayName,
    partnershipId: current?.id ?? null,
    partnershipName: current?.name ?? null,
    roles: current?.roles ?? [],
    partnerships: partnerships.map(({ id, name }) => ({ id, name })),
    mfaEnabled: account.mfaEnabled,
    mfaPassed: session.mfaPassed,
  };
}
