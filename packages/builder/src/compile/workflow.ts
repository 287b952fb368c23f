import type { StateMachineDefinition } from '@stepwise/asl';
import type { z } from 'zod';
import { type Chain, type ChainLike, from } from '../chain/chain';
import { type Handler, withSchemaChecks } from '../checks/schema-checks';
import { checkSync } from '../checks/standard-schema';
import type { JsonValue, QueryLanguage, StepwiseTypeError } from '../types/json';
import { type CompileSession, emitScope, requireGraph } from './emit-scope';
import { assertFiniteNumbers } from './finite-numbers';
import { stableStringify } from './stable-json';

export interface WorkflowOptions<S extends z.ZodType, QL extends QueryLanguage> {
  /** A name for the workflow, used in messages; not part of the definition. */
  readonly name?: string;
  readonly comment?: string;
  /** The execution input; gives the first state its input type. */
  readonly input: S;
  /** The top-level query language; JSONPath when omitted. */
  readonly queryLanguage?: QL;
  readonly timeoutSeconds?: number;
  readonly version?: string;
}

/** The compiled ASL definition. */
export type AslDefinition = StateMachineDefinition;

/** The zod schemas behind the types, for validating data at run time. */
export interface WorkflowSchemas<S> {
  readonly input: S;
  readonly states: Readonly<Record<string, { readonly input?: unknown; readonly result?: unknown }>>;
}

/** A JSONata workflow accepts no JSONPath state. */
type LanguageCheck<QL, Lang> = QL extends 'JSONata'
  ? 'JSONPath' extends Lang
    ? StepwiseTypeError<'A JSONata workflow cannot contain JSONPath states'>
    : unknown
  : unknown;

/** The chain a workflow runs: it starts from the execution input with no variables. */
type StartChain<I, Out, QL, Lang extends QueryLanguage> = ChainLike<I, Out, {}, unknown, Lang> &
  LanguageCheck<QL, Lang>;

/** A workflow whose states are defined: compile it, serialise it, read its schemas. */
export class Workflow<S extends z.ZodType, Out> {
  declare readonly __output: Out;

  constructor(
    readonly options: WorkflowOptions<S, QueryLanguage>,
    readonly chain: ChainLike<z.output<S>, Out, {}, unknown, QueryLanguage>,
  ) {}

  /** The ASL definition, with states in the order the code created them. */
  compile(): AslDefinition {
    // The emitters write each field in the shape ASL defines; the validator tests hold them to it.
    return this.#build().definition as unknown as AslDefinition;
  }

  /** The definition as deterministic JSON text. */
  toJSON(indent?: number): string {
    return stableStringify(this.compile(), indent);
  }

  /**
   * Checks an execution input against the input schema and returns it typed;
   * throws a SchemaValidationError listing every issue otherwise.
   */
  parseInput(input: unknown): z.output<S> {
    checkSync(this.options.input, input, 'The execution input');
    return input as z.output<S>;
  }

  /** The task handlers, wrapped to check each call against its task's schemas (see `withSchemaChecks`). */
  handlers(handlers: Readonly<Record<string, Handler>>): Record<string, Handler> {
    return withSchemaChecks(this, handlers);
  }

  /** Checks the input, then starts this workflow on a runtime: `wf.startExecution(runtime, { input })`. */
  startExecution<E, O extends { readonly input?: unknown }>(
    runtime: { startExecution(definition: AslDefinition, options: O): E },
    options: O,
  ): E {
    return runtime.startExecution(this.compile(), { ...options, input: this.parseInput(options.input) });
  }

  /** The workflow input schema and, per state name, the task schemas. */
  get schemas(): WorkflowSchemas<S> {
    return { input: this.options.input, states: Object.fromEntries(this.#build().session.schemas) };
  }

  #build() {
    const language = this.options.queryLanguage ?? 'JSONPath';
    const session: CompileSession = { workflowLanguage: language, names: new Map(), schemas: new Map() };
    const graph = requireGraph(this.chain.graph, this.options.name ?? 'The workflow');
    const scope = emitScope(graph, session);
    const definition: Record<string, JsonValue> = {};
    if (this.options.queryLanguage) definition.QueryLanguage = this.options.queryLanguage;
    if (this.options.comment !== undefined) definition.Comment = this.options.comment;
    definition.StartAt = scope.StartAt;
    definition.States = scope.States;
    if (this.options.timeoutSeconds !== undefined) definition.TimeoutSeconds = this.options.timeoutSeconds;
    if (this.options.version !== undefined) definition.Version = this.options.version;
    assertFiniteNumbers(definition);
    return { definition, session };
  }
}

/** A workflow being defined: say which chain it runs. */
export interface WorkflowBuilder<S extends z.ZodType, QL extends QueryLanguage> {
  /** Runs `chain`, whose first state takes the execution input. */
  start<Out, Lang extends QueryLanguage = never>(
    chain: StartChain<z.output<S>, Out, QL, Lang>,
  ): Workflow<S, Out>;
  /** Builds the chain from an empty one typed with the execution input. */
  define<Out, Lang extends QueryLanguage = never>(
    build: (start: Chain<z.output<S>, z.output<S>, {}, {}>) => StartChain<z.output<S>, Out, QL, Lang>,
  ): Workflow<S, Out>;
}

export function workflow<S extends z.ZodType, const QL extends QueryLanguage = 'JSONPath'>(
  options: WorkflowOptions<S, QL>,
): WorkflowBuilder<S, QL> {
  return {
    start: (chain) => new Workflow(options, chain as never),
    define: (build) => new Workflow(options, build(from()) as never),
  };
}
