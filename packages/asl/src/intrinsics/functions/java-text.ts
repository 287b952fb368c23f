/**
 * How AWS's Java runtime prints values that are not strings inside States.Format: numbers as Java
 * prints them, objects as `{key=value, ...}`, arrays as `[a, b]` (the `toString` of Java maps and
 * lists), strings unquoted at every level.
 */
export function renderJavaText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return renderJavaNumber(value);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(renderJavaText).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${key}=${renderJavaText(item)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/**
 * JSON integers arrive as Java integers and print plainly; other numbers are doubles, which Java
 * prints in scientific notation (`1.0E-4`, `1.5E7`) outside [10^-3, 10^7).
 */
export function renderJavaNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isSafeInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) return String(value);
  const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${digits}E${Number(exponent)}`;
}
