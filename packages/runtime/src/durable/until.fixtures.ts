/**
 * Polls `check` every 5 ms until it holds, for up to `ms`: what another turn of the event loop, a
 * timer or a store does is waited for rather than slept through. It does not fail on its own when
 * time runs out; the assertion after it says what never came.
 */
export async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  for (let waited = 0; waited < ms && !(await check()); waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
