/**
 * A partnership's audit trail while it is planned: a million events would not fit in memory
 * as objects, so each is a few numbers (when, who, which kind, which records) in typed
 * arrays, and becomes an event with its JSON only as it is written. Events go to the
 * database in time order, so the chaining trigger links them as the app would have.
 */
import type { PartnershipPlan } from './plan.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Turns an event's two record indexes into what the app would have written. */
export type AuditRenderer = (plan: PartnershipPlan, a: number, b: number) => AuditEntry;

const renderers: AuditRenderer[] = [];

/** Registers a kind of event; the number it returns is stored with each event of that kind. */
export function auditKind(render: AuditRenderer): number {
  renderers.push(render);
  return renderers.length - 1;
}

export const renderAuditEvent = (plan: PartnershipPlan, kind: number, a: number, b: number) =>
  renderers[kind]!(plan, a, b);

const NO_ACTOR = -1;

export class AuditLog {
  count = 0;
  private ms = new Float64Array(1024);
  private kinds = new Uint16Array(1024);
  private actors = new Int32Array(1024);
  private first = new Int32Array(1024);
  private second = new Int32Array(1024);
  /** 1 when an event was written by the same request as the one added before it. */
  private continues = new Uint8Array(1024);

  /** An event at `ms` by the account at index `actor` (null: no signed-in person). */
  add(ms: number, actor: number | null, kind: number, a = 0, b = 0, sameRequest = false) {
    if (this.count === this.ms.length) this.grow();
    const at = this.count;
    this.ms[at] = ms;
    this.actors[at] = actor ?? NO_ACTOR;
    this.kinds[at] = kind;
    this.first[at] = a;
    this.second[at] = b;
    this.continues[at] = sameRequest ? 1 : 0;
    this.count += 1;
  }

  private grow() {
    const size = this.ms.length * 2;
    const widen = <T extends Float64Array | Uint16Array | Int32Array | Uint8Array>(
      old: T,
      next: T,
    ) => {
      next.set(old);
      return next;
    };
    this.ms = widen(this.ms, new Float64Array(size));
    this.kinds = widen(this.kinds, new Uint16Array(size));
    this.actors = widen(this.actors, new Int32Array(size));
    this.first = widen(this.first, new Int32Array(size));
    this.second = widen(this.second, new Int32Array(size));
    this.continues = widen(this.continues, new Uint8Array(size));
  }

  /** Event indexes in time order; events at the same moment keep the order they were added. */
  inTimeOrder(): Uint32Array {
    const order = new Uint32Array(this.count);
    for (let index = 0; index < this.count; index += 1) order[index] = index;
    const ms = this.ms;
    return order.sort((x, y) => ms[x]! - ms[y]! || x - y);
  }

  event(index: number) {
    const actor = this.actors[index]!;
    return {
      ms: this.ms[index]!,
      actor: actor === NO_ACTOR ? null : actor,
      kind: this.kinds[index]!,
      a: this.first[index]!,
      b: this.second[index]!,
      sameRequest: this.continues[index] === 1,
    };
  }
}
