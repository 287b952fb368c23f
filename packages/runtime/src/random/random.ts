import { seededRandom } from '@stepwise/asl';

/** A source of uniformly distributed numbers in [0, 1), e.g. `Math.random`. */
export type RandomSource = () => number;

/**
 * A deterministic source, so jittered back-off and the random intrinsics can be reproduced in
 * tests. It is the generator the intrinsics use for their own seeds.
 */
export function createSeededRandom(seed: number): RandomSource {
  return seededRandom(seed);
}
