/**
 * Task tokens are `<base64url of the execution ARN>.<counter>` (see the runtime's nextTaskToken):
 * recognisable, so a string that is not a token at all can be told from one that has expired.
 */
export function isWellFormedTaskToken(token: string): boolean {
  return executionArnOfToken(token) !== undefined;
}

/** AWS caps task tokens at 1024 characters. */
export const MAX_TOKEN_LENGTH = 1024;

/** The execution a token was issued for, or undefined when the string is not a token. */
export function executionArnOfToken(token: unknown): string | undefined {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return undefined;
  const match = /^([A-Za-z0-9_-]+)\.\d+$/.exec(token);
  if (!match) return undefined;
  const arn = Buffer.from(match[1] as string, 'base64url').toString('utf8');
  return arn.startsWith('arn:') ? arn : undefined;
}
