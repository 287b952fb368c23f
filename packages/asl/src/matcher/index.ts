export { InvalidStringMatchesPatternError } from './matcher-errors';
export type { StringMatcher } from './string-matcher';
export { compileStringMatcher } from './string-matcher';
