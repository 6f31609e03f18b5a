/**
 * Seeded randomness for the generator: pure-rand's xoroshiro128+ (maintained, no
 * dependencies, the generator behind fast-check) is fast and gives the same sequence on
 * every machine. faker is not needed: names and text come from the short fictional lists
 * in words.ts, which keeps the load free of a large dependency and its locale data.
 *
 * Every concern draws from its own stream, named by labels (`Random.of(seed, 'people')`),
 * so adding a draw in one place does not shift the values of every other table.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** FNV-1a: a 32-bit seed for a stream from the run's seed and the stream's labels. */
function streamSeed(text: string) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

const hex8 = (value: number) => (value >>> 0).toString(16).padStart(8, '0');

export class Random {
  private constructor(private readonly generator: RandomGenerator) {}

  static of(seed: number, ...labels: (string | number)[]) {
    return new Random(xoroshiro128plus(streamSeed([seed, ...labels].join(':'))));
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number) {
    return uniformInt(this.generator, min, max);
  }

  /** A number from 0 (included) to 1 (excluded). */
  float() {
    return uniformFloat64(this.generator);
  }

  chance(probability: number) {
    return this.float() < probability;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('Nothing to pick from');
    return list[this.int(0, list.length - 1)]!;
  }

  /** One of the entries, each as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.float() * total;
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    return entries.at(-1)![0];
  }

  /** A version 4 UUID from this stream: the same seed gives the same ids. */
  uuid() {
    const a = hex8(this.generator.next());
    const b = hex8(this.generator.next());
    const c = hex8(this.generator.next());
    const d = hex8(this.generator.next());
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }

  /** `count` bytes, e.g. a salt. */
  bytes(count: number) {
    return Uint8Array.from({ length: count }, () => this.int(0, 255));
  }
}

/**
 * `total` split into whole shares in proportion to `weights` (largest remainder), so that
 * the shares add up to `total` exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  if (weights.length === 0) return [];
  if (sum <= 0)
    return apportion(
      total,
      weights.map(() => 1),
    );
  const exact = weights.map((weight) => (total * weight) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((acc, share) => acc + share, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((x, y) => y.remainder - x.remainder || x.index - y.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return shares;
}
