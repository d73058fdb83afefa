// Deterministic random numbers for generated demo data: the same seed gives the same data on every machine.

/**
 * A uniform [0, 1) generator (mulberry32) seeded by the FNV-1a hash of `seed`.
 *
 * @example
 * const random = seededRandom('frame:kab-sleman');
 * random(); // the same number every run
 */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 0x01000193) >>> 0;
  }
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A standard normal draw (Box–Muller) from a uniform generator.
 *
 * @example
 * const z = standardNormal(seededRandom('x'));
 */
export function standardNormal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
