import { z } from 'zod';
import type { Branch, ItemProcessor, QueryLanguage, StateIn, StateMachineDefinition } from '../types';
import { jsonataStateSchemas } from './jsonata-states';
import { jsonPathStateSchemas } from './jsonpath-states';
import { processorConfigSchema } from './map-config';

/*
 * A machine's default language decides what its states (and the states of
 * its nested Parallel/Map machines) may be. Each scope gets its own set of
 * schemas; z.lazy closes the loop between a scope's states and its nested
 * machines.
 */

function nestedMachineSchemas<L extends QueryLanguage>(state: () => z.ZodType<StateIn<L>>) {
  const shape = {
    StartAt: z.string(),
    States: z.record(
      z.string(),
      z.lazy(() => state()),
    ),
    Comment: z.string().optional(),
  };
  const branch: z.ZodType<Branch<L>> = z.strictObject(shape);
  const processor: z.ZodType<ItemProcessor<L>> = z.strictObject({
    ...shape,
    ProcessorConfig: processorConfigSchema.optional(),
  });
  return { branch, processor };
}

const jsonPathScopeNested = nestedMachineSchemas<'JSONPath'>(() => jsonPathScopeStateSchema);
const jsonataScopeNested = nestedMachineSchemas<'JSONata'>(() => jsonataScopeStateSchema);

/** JSONPath states, and JSONata states that opt in, as found in a JSONPath machine. */
export const jsonPathStateSchemasByType = jsonPathStateSchemas(() => jsonPathScopeNested);
export const optedInJsonataStateSchemasByType = jsonataStateSchemas('JSONPath', () => jsonPathScopeNested);

/** States of a JSONata machine: JSONata only. */
export const jsonataStateSchemasByType = jsonataStateSchemas('JSONata', () => jsonataScopeNested);

const jp = jsonPathStateSchemasByType;
const ja = optedInJsonataStateSchemasByType;
const byLanguage = <A extends z.core.$ZodTypeDiscriminable, B extends z.core.$ZodTypeDiscriminable>(
  a: A,
  b: B,
) => z.discriminatedUnion('QueryLanguage', [a, b]);

/** A state in a machine whose default language is JSONPath. Dispatches on `Type`, then `QueryLanguage`. */
export const jsonPathScopeStateSchema: z.ZodType<StateIn<'JSONPath'>> = z.discriminatedUnion('Type', [
  byLanguage(jp.Pass, ja.Pass),
  byLanguage(jp.Task, ja.Task),
  byLanguage(jp.Choice, ja.Choice),
  byLanguage(jp.Wait, ja.Wait),
  byLanguage(jp.Succeed, ja.Succeed),
  byLanguage(jp.Fail, ja.Fail),
  byLanguage(jp.Parallel, ja.Parallel),
  byLanguage(jp.Map, ja.Map),
]);

const js = jsonataStateSchemasByType;

/** A state in a machine whose default language is JSONata. */
export const jsonataScopeStateSchema: z.ZodType<StateIn<'JSONata'>> = z.discriminatedUnion('Type', [
  js.Pass,
  js.Task,
  js.Choice,
  js.Wait,
  js.Succeed,
  js.Fail,
  js.Parallel,
  js.Map,
]);

/** Any single state, of either language (as a JSONPath machine would accept it). */
export const stateSchema = jsonPathScopeStateSchema;

const machineShape = {
  Comment: z.string().optional(),
  StartAt: z.string(),
  TimeoutSeconds: z.number().int().positive().optional(),
  Version: z.string().optional(),
};

export const jsonPathStateMachineSchema = z.strictObject({
  ...machineShape,
  QueryLanguage: z.literal('JSONPath').optional(),
  States: z.record(z.string(), jsonPathScopeStateSchema),
});

export const jsonataStateMachineSchema = z.strictObject({
  ...machineShape,
  QueryLanguage: z.literal('JSONata'),
  States: z.record(z.string(), jsonataScopeStateSchema),
});

/** A complete definition. Dispatches on the top-level `QueryLanguage`. */
export const stateMachineSchema = z.discriminatedUnion('QueryLanguage', [
  jsonPathStateMachineSchema,
  jsonataStateMachineSchema,
]) satisfies z.ZodType<StateMachineDefinition>;
