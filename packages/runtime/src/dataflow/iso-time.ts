let lastMillis = Number.NaN;
let lastText = '';

/**
 * ISO-8601 text of an instant, as `$$.State.EnteredTime` and friends show it. States entered in
 * the same millisecond share one formatting, which matters when thousands run per millisecond.
 */
export function isoTime(millis: number): string {
  if (millis !== lastMillis) {
    lastText = new Date(millis).toISOString();
    lastMillis = millis;
  }
  return lastText;
}
