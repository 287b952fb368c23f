/**
 * Task tokens are `<base64url of the execution ARN>.<counter>` (see the runtime's nextTaskToken):
 * recognisable, so a string that is not a token at all can be told from one that has expired.
 */
export function isWellFormedTaskToken(token: string): boolean {
  const match = /^([A-Za-z0-9_-]+)\.\d+$/.exec(token);
  return (
    match !== null &&
    Buffer.from(match[1] as string, 'base64url')
      .toString('utf8')
      .startsWith('arn:')
  );
}
