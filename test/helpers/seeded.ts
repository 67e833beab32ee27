// Random kill points that can be replayed: a seeded generator (mulberry32) whose seed is printed
// with each failure. Set KIEMCHUNG_TEST_SEED to replay a run.
export interface Seeded {
  seed: number;
  next(): number;
  /** "seed 12345" — put it in assertion messages so a failing run can be replayed. */
  label: string;
}

export function seeded(envSeed = process.env.KIEMCHUNG_TEST_SEED): Seeded {
  const seed = envSeed !== undefined && envSeed !== '' ? Number(envSeed) >>> 0 : Math.floor(Math.random() * 2 ** 32);
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { seed, next, label: `seed ${seed} (KIEMCHUNG_TEST_SEED=${seed} to replay)` };
}
