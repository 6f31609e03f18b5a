/** Time is injected so that deadline and expiry rules can be tested exactly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
