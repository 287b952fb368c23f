import { type DefinitionDiagnostic, InvalidDefinitionError } from '../errors/runtime-errors';
import { parseResource } from '../integrations/resource-arn';

const checked = new WeakSet<object>();

/**
 * Express workflows support only the request-response pattern: AWS refuses to create an Express
 * state machine with `.sync`, `.waitForTaskToken` or an activity, and so does the runtime before
 * such an execution starts. Resources chosen at run time (JSONata `{% %}`) cannot be checked here.
 */
export function assertExpressCompatible(definition: object): void {
  if (checked.has(definition)) return;
  const diagnostics: DefinitionDiagnostic[] = [];
  visitStates(definition, '', diagnostics);
  if (diagnostics.length > 0) throw new InvalidDefinitionError(diagnostics);
  checked.add(definition);
}

function visitStates(graph: unknown, path: string, diagnostics: DefinitionDiagnostic[]): void {
  const states = (graph as { States?: unknown } | null)?.States;
  if (states === null || typeof states !== 'object') return;
  for (const [name, state] of Object.entries(states as Record<string, unknown>)) {
    if (state === null || typeof state !== 'object') continue;
    const at = `${path}/States/${name}`;
    const raw = state as Record<string, unknown>;
    if (raw.Type === 'Task' && typeof raw.Resource === 'string') {
      const problem = unsupported(raw.Resource);
      if (problem) {
        diagnostics.push({
          severity: 'ERROR',
          code: 'EXPRESS_UNSUPPORTED_INTEGRATION',
          message: `Express state machines do not support ${problem} (${at}/Resource)`,
          location: `${at}/Resource`,
        });
      }
    }
    if (Array.isArray(raw.Branches)) {
      raw.Branches.forEach((branch, i) => {
        visitStates(branch, `${at}/Branches/${i}`, diagnostics);
      });
    }
    if (raw.ItemProcessor) visitStates(raw.ItemProcessor, `${at}/ItemProcessor`, diagnostics);
    if (raw.Iterator) visitStates(raw.Iterator, `${at}/Iterator`, diagnostics);
  }
}

function unsupported(resource: string): string | undefined {
  const parsed = parseResource(resource);
  if (parsed.kind === 'activity') return 'activities';
  if (parsed.pattern === 'request') return undefined;
  return `the '.${parsed.pattern}' service integration pattern`;
}
