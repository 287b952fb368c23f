export * from './builder-errors';
export * from './schema-errors';
