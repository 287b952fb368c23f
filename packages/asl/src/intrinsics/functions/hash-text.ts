import { createHash } from 'node:crypto';

/** Algorithm names as ASL spells them, mapped to node:crypto's. */
const ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

export const HASH_ALGORITHMS: readonly string[] = Object.keys(ALGORITHMS);

export function isHashAlgorithm(name: string): boolean {
  return Object.hasOwn(ALGORITHMS, name);
}

/** Hex digest of the UTF-8 bytes of `text`; undefined when the algorithm is not supported. */
export function hashText(text: string, algorithm: string): string | undefined {
  if (!isHashAlgorithm(algorithm)) return undefined;
  return createHash(ALGORITHMS[algorithm] as string)
    .update(text, 'utf8')
    .digest('hex');
}
