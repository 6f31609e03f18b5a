import { describe, expect, it } from 'vitest';
import { moved, renumbered } from './agenda-order.js';

const list = [
  { id: 'a', position: 1 },
  { id: 'b', position: 2 },
  { id: 'c', position: 3 },
];
const ids = (entries: { id: string }[] | null) => entries?.map((entry) => entry.id);

describe('moving an item one place', () => {
  it('swaps it with its neighbour above or below', () => {
    expect(ids(moved(list, 'c', 'up'))).toEqual(['a', 'c', 'b']);
    expect(ids(moved(list, 'a', 'down'))).toEqual(['b', 'a', 'c']);
    expect(ids(list)).toEqual(['a', 'b', 'c']);
  });

  it('cannot move the first up, the last down, or an item not in the list', () => {
    expect(moved(list, 'a', 'up')).toBeNull();
    expect(moved(list, 'c', 'down')).toBeNull();
    expect(moved(list, 'z', 'up')).toBeNull();
  });
});

describe('numbering the new order', () => {
  it('gives only the entries whose place changes', () => {
    expect(renumbered(moved(list, 'c', 'up')!)).toEqual([
      { id: 'c', position: 2 },
      { id: 'b', position: 3 },
    ]);
  });

  it('mends duplicate and negative positions left by carried items', () => {
    const carried = [
      { id: 'minutes', position: 0 },
      { id: 'a', position: 1 },
      { id: 'b', position: 1 },
    ];
    expect(renumbered(carried)).toEqual([
      { id: 'minutes', position: 1 },
      { id: 'a', position: 2 },
      { id: 'b', position: 3 },
    ]);
  });
});
