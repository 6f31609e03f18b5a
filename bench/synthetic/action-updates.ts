/**
 * Action updates as typed arrays (hundreds of thousands of them): which action, when, the
 * status before and after, which note, and who wrote it. Notes are indexes into the
 * fictional notes of words.ts; ids are drawn when the rows are written.
 */
export const UPDATE_STATUSES = ['open', 'in_progress', 'done', 'closed', 'cancelled'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

const code = (status: UpdateStatus) => UPDATE_STATUSES.indexOf(status);

export class ActionUpdates {
  readonly action: Uint32Array;
  readonly ms: Float64Array;
  private readonly before: Uint8Array;
  private readonly after: Uint8Array;
  readonly note: Uint16Array;
  /** Index of the writer's account. */
  readonly writer: Uint32Array;
  count = 0;

  constructor(readonly capacity: number) {
    this.action = new Uint32Array(capacity);
    this.ms = new Float64Array(capacity);
    this.before = new Uint8Array(capacity);
    this.after = new Uint8Array(capacity);
    this.note = new Uint16Array(capacity);
    this.writer = new Uint32Array(capacity);
  }

  add(
    action: number,
    ms: number,
    before: UpdateStatus,
    after: UpdateStatus,
    note: number,
    writer: number,
  ) {
    if (this.count === this.capacity) throw new Error('More action updates than planned');
    const at = this.count;
    this.action[at] = action;
    this.ms[at] = ms;
    this.before[at] = code(before);
    this.after[at] = code(after);
    this.note[at] = note;
    this.writer[at] = writer;
    this.count += 1;
    return at;
  }

  statusBefore = (index: number) => UPDATE_STATUSES[this.before[index]!]!;
  statusAfter = (index: number) => UPDATE_STATUSES[this.after[index]!]!;
}
