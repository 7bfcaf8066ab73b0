// The small deterministic generator of the seeds (mulberry32): the same seed number gives the
// same network, the same year of activities.
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  // Weighted choice: [value, weight][]
  const weighted = <T,>(items: readonly (readonly [T, number])[]): T => {
    let r = next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of items) if ((r -= w) < 0) return value;
    return items[items.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

export type Random = ReturnType<typeof prng>;
