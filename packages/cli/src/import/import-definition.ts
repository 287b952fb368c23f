import { validate } from '@stepwise/asl';
import { formatSource } from './format-source';
import { ImportInvalidDefinitionError, ImportUnsupportedError } from './import-errors';
import { generateWorkflowCode } from './workflow-code';

export interface ImportedWorkflow {
  /** The formatted TypeScript module. */
  source: string;
  rawStates: string[];
}

/**
 * ASL in, formatted builder code out. Throws ImportInvalidDefinitionError for a definition that does
 * not validate and ImportUnsupportedError for what the builder cannot express.
 */
export async function importDefinition(definition: unknown, exportName: string): Promise<ImportedWorkflow> {
  const errors = validate(definition).diagnostics.filter((d) => d.severity === 'ERROR');
  if (errors.length > 0) throw new ImportInvalidDefinitionError(errors);
  try {
    const { code, rawStates } = generateWorkflowCode(definition, exportName);
    return { source: await formatSource(code), rawStates };
  } catch (error) {
    // A long chain is written as one nested expression, which the code generator and the
    // formatter walk recursively: some hundreds of states in a row exhaust the stack.
    if (error instanceof RangeError) {
      throw new ImportUnsupportedError(
        'The workflow chains too many states in a row to be written as one builder expression.',
      );
    }
    throw error;
  }
}
