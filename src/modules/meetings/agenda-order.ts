import type { MoveDirection } from './agenda.forms.js';

/**
 * The list in its new order after moving one entry a place up or down, or null when it
 * cannot move (already first or last, or not in the list).
 */
export function moved<T extends { id: string }>(
  list: readonly T[],
  id: string,
  direction: MoveDirection,
): T[] | null {
  const from = list.findIndex((entry) => entry.id === id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= list.length) return null;
  const order = [...list];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}

/**
 * Positions 1, 2, 3... for the new order, only for entries whose position changes. Numbering
 * afresh mends duplicate or gapped positions (carried items are placed before the first).
 */
export function renumbered<T extends { id: string; position: number }>(order: readonly T[]) {
  return order
    .map((entry, index) => ({ id: entry.id, position: index + 1, was: entry.position }))
    .filter((entry) => entry.position !== entry.was)
    .map(({ id, position }) => ({ id, position }));
}
