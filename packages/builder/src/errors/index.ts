export * from './builder-errors';
