export type Fields = Readonly<Record<string, unknown>>;

export interface StateCodeContext {
  /** The machine's query language: typed states are generated only where their fields mean the same. */
  language: 'JSONPath' | 'JSONata';
  /** The `QueryLanguage` the state being generated declares, if any. */
  declared?: 'JSONPath' | 'JSONata';
  /** Whether a state after the one being generated reads fields of the data it hands on. */
  readsAfter?: boolean;
  /** The chain expression for a branch target (Choice rule, Default, Catch handler). */
  branch(target: string): string;
  /** The chain expression for a nested scope (a Parallel branch, a Map processor): `{ StartAt, States }`. */
  scope(scope: Fields): string;
  /** Records a builder export the code uses. */
  use(name: string): void;
}

/** A field's code: text, `undefined` when the field is absent, `false` when it has no typed form. */
export type Entry = string | undefined | false;

/**
 * A field whose code places states (Catch handlers, Parallel branches, a Map
 * processor): generated only once every other field is known to have a typed
 * form, so that no state is placed in code that is then thrown away.
 */
export type LaterEntry = Entry | (() => Entry);
