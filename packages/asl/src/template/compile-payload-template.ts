import type { IntrinsicEnvironmentOptions } from '../intrinsics';
import type { PathScope } from '../path';
import { compileDynamicValue, type ValueEvaluator } from './compile-dynamic-value';
import { copyJson, defineMember, freezeJson } from './copy-constant';
import { appendPointer } from './json-pointer';

export interface PayloadTemplateOptions {
  /** The state field holding the template (`Parameters`, `ResultSelector`, ...), used in error messages. */
  readonly field?: string;
}

/** A payload template compiled once and evaluated for every execution. */
export interface CompiledPayloadTemplate {
  readonly template: unknown;
  /**
   * Builds the payload. Throws `PayloadPathNotFoundError` when a path matches
   * nothing and lets `IntrinsicFailureError` from an intrinsic call through.
   * Values selected by paths are shared with the data, not copied; constant
   * parts are fresh copies every time.
   */
  evaluate(scope: PathScope, env?: IntrinsicEnvironmentOptions): unknown;
}

const DYNAMIC_SUFFIX = '.$';

/**
 * Compiles a payload template: in every object, at any depth and inside
 * arrays, a key ending in `.$` takes its value from a path or an intrinsic
 * call and loses the suffix; everything else is copied as it is. Throws
 * `InvalidPayloadTemplateError` naming the JSON pointer of a bad key.
 */
export function compilePayloadTemplate(
  template: unknown,
  options: PayloadTemplateOptions = {},
): CompiledPayloadTemplate {
  const evaluateNode = compileNode(template, '', options.field);
  return { template, evaluate: (scope, env) => evaluateNode(scope, env) };
}

function compileNode(node: unknown, pointer: string, templateField: string | undefined): ValueEvaluator {
  if (!isDynamic(node)) {
    if (typeof node !== 'object' || node === null) return () => node;
    const constant = freezeJson(node);
    return () => copyJson(constant);
  }
  if (Array.isArray(node)) {
    const items = node.map((item, index) => compileNode(item, appendPointer(pointer, index), templateField));
    const count = items.length;
    return (scope, env) => {
      const out = new Array<unknown>(count);
      for (let i = 0; i < count; i++) out[i] = (items[i] as ValueEvaluator)(scope, env);
      return out;
    };
  }
  return compileObject(node as Record<string, unknown>, pointer, templateField);
}

/** Keys are resolved here, once; evaluation walks parallel arrays of names and evaluators. */
function compileObject(
  node: Record<string, unknown>,
  pointer: string,
  templateField: string | undefined,
): ValueEvaluator {
  const names: string[] = [];
  const values: ValueEvaluator[] = [];
  for (const key of Object.keys(node)) {
    const keyPointer = appendPointer(pointer, key);
    if (key.endsWith(DYNAMIC_SUFFIX)) {
      const field = key.slice(0, -DYNAMIC_SUFFIX.length);
      names.push(field);
      values.push(compileDynamicValue(node[key], { field, pointer: keyPointer, templateField }));
    } else {
      names.push(key);
      values.push(compileNode(node[key], keyPointer, templateField));
    }
  }
  const count = names.length;
  return (scope, env) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < count; i++)
      defineMember(out, names[i] as string, (values[i] as ValueEvaluator)(scope, env));
    return out;
  };
}

/** Whether any object at or below `node` has a `.$` key. */
function isDynamic(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return node.some(isDynamic);
  for (const key of Object.keys(node)) {
    if (key.endsWith(DYNAMIC_SUFFIX) || isDynamic((node as Record<string, unknown>)[key])) return true;
  }
  return false;
}
