import { formatSource } from './format-source';
import { generateWorkflowCode } from './workflow-code';

export interface ImportedWorkflow {
  /** The formatted TypeScript module. */
  source: string;
  rawStates: string[];
}

/** ASL in, formatted builder code out; throws ImportUnsupportedError for what the builder cannot express. */
export async function importDefinition(definition: unknown, exportName: string): Promise<ImportedWorkflow> {
  const { code, rawStates } = generateWorkflowCode(definition, exportName);
  return { source: await formatSource(code), rawStates };
}
