// Random kill points that can be replayed: a seeded generator (mulberry32) whose seed is printed
// with each failure. Set KIEMCHUNG_TEST_SEED to replay a run.
import { seededRandom } from '../../main/domain/seeded-random';
export interface Seeded {
  seed: number;
  next(): number;
  /** "seed 12345" — put it in assertion messages so a failing run can be replayed. */
  label: string;
}

export function seeded(envSeed = process.env.KIEMCHUNG_TEST_SEED): Seeded {
  const seed = envSeed !== undefined && envSeed !== '' ? Number(envSeed) >>> 0 : Math.floor(Math.random() * 2 ** 32);
  const next = seededRandom(seed);
  return { seed, next, label: `seed ${seed} (KIEMCHUNG_TEST_SEED=${seed} to replay)` };
}
