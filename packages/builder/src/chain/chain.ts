import type { QueryLanguage, StepwiseTypeError } from '../types/json';
import { append, type Graph } from './graph';

/**
 * The types a chain carries. They exist only for the compiler: `In` and
 * `VarsIn` are what the chain needs from upstream, `Out` and `VarsOut` what it
 * hands on, `Lang` the query languages its states insist on.
 */
export interface ChainTypes<In, Out, VarsIn, VarsOut, Lang> {
  readonly input: (input: In, vars: VarsIn) => void;
  readonly output: Out;
  readonly vars: VarsOut;
  readonly language: Lang;
}

/**
 * What every chain offers, whatever its methods: the states and the types.
 * Parameters accept this rather than the class, so that a chain that ends
 * (whose `next` accepts nothing) still fits wherever its data fits.
 */
export interface ChainLike<In, Out, VarsIn, VarsOut, Lang extends QueryLanguage> {
  readonly graph: Graph | undefined;
  readonly __types: ChainTypes<In, Out, VarsIn, VarsOut, Lang>;
}

/** What a chain ending in Succeed, Fail or a `goto` offers to a successor: nothing. */
export type ChainEnded =
  StepwiseTypeError<'This chain ends (Succeed, Fail, goto or a Choice whose branches all end); nothing can follow it'>;

/** The parameter a chain's `next` accepts, given what the chain hands on. */
export type Successor<Out, VarsOut, O2, V2, L2 extends QueryLanguage> = [Out] extends [never]
  ? ChainEnded
  : ChainLike<Out, O2, VarsOut, V2, L2>;

/**
 * An immutable sequence of states. `next` returns a new chain and leaves this
 * one untouched, so a prefix can be shared between workflows and branches.
 */
export class Chain<In, Out, VarsIn = {}, VarsOut = VarsIn, Lang extends QueryLanguage = never> {
  declare readonly __types: ChainTypes<In, Out, VarsIn, VarsOut, Lang>;

  /** The states, or `undefined` for the empty chain a workflow or branch starts from. */
  readonly graph: Graph | undefined;

  constructor(graph: Graph | undefined) {
    this.graph = graph;
  }

  /** This chain, then `then`; the successor's input is this chain's output. */
  next<O2, V2, L2 extends QueryLanguage = never>(
    then: Successor<Out, VarsOut, O2, V2, L2>,
  ): Chain<In, O2, VarsIn, V2, Lang | L2> {
    const other = (then as ChainLike<Out, O2, VarsOut, V2, L2>).graph;
    if (!other) return new Chain(this.graph);
    return new Chain(this.graph ? append(this.graph, other) : other);
  }
}

/** Any chain, whatever it carries. */
export type AnyChain = Chain<never, unknown, never, unknown, QueryLanguage>;

/**
 * An empty chain that starts from data of type `T` and variables `V`: the
 * way to begin a fragment, a branch or a workflow whose first state reads
 * its input.
 */
export function from<T, V = {}>(): Chain<T, T, V, V> {
  return new Chain(undefined);
}

/** A chain's output type. */
export type OutputOf<C> = C extends {
  readonly __types: ChainTypes<never, infer O, never, unknown, QueryLanguage>;
}
  ? O
  : never;

/** A chain's output variables. */
export type VarsOf<C> = C extends {
  readonly __types: ChainTypes<never, unknown, never, infer V, QueryLanguage>;
}
  ? V
  : never;
