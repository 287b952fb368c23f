import { arrayFunctions } from './functions/array-functions';
import { encodingFunctions } from './functions/encoding-functions';
import type { IntrinsicImplementation } from './functions/implementation';
import { jsonFunctions } from './functions/json-functions';
import { mathFunctions } from './functions/math-functions';
import { stringFunctions } from './functions/string-functions';
import type {
  IntrinsicArgument,
  IntrinsicCall,
  IntrinsicEnvironment,
  IntrinsicFunctionName,
} from './intrinsic-ast';

const IMPLEMENTATIONS = {
  ...arrayFunctions,
  ...encodingFunctions,
  ...jsonFunctions,
  ...mathFunctions,
  ...stringFunctions,
} as Readonly<Record<IntrinsicFunctionName, IntrinsicImplementation>>;

/**
 * Evaluates a parsed call. Failures on the data throw `IntrinsicFailureError`, whose message is
 * the cause the runtime reports with `States.IntrinsicFailure`; errors from `resolvePath`
 * propagate unchanged.
 */
export function evaluateIntrinsic(call: IntrinsicCall, env: IntrinsicEnvironment): unknown {
  const count = call.args.length;
  const args: unknown[] = new Array(count);
  for (let i = 0; i < count; i++) args[i] = evaluateArgument(call.args[i] as IntrinsicArgument, env);
  return IMPLEMENTATIONS[call.name](args, { call, env });
}

function evaluateArgument(arg: IntrinsicArgument, env: IntrinsicEnvironment): unknown {
  switch (arg.kind) {
    case 'call':
      return evaluateIntrinsic(arg, env);
    case 'path':
      return env.resolvePath(arg.path, arg.source);
    default:
      return arg.value;
  }
}
