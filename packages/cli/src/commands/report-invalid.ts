import { validate } from '@stepwise/asl';
import { formatDiagnostic } from '../diagnostics/format-diagnostics';
import { locateDiagnostic } from '../diagnostics/locate-diagnostic';
import type { LoadedWorkflow } from '../input/workflow-source';
import type { CommandContext } from './command';

/**
 * Commands that act on a definition (run it, turn it into code) refuse an invalid one; its findings
 * are shown as `validate` shows them, with line, column and a code frame. True when it is valid.
 */
export function reportInvalid(workflow: LoadedWorkflow, { io, colors }: CommandContext): boolean {
  const result = validate(workflow.definition);
  if (result.ok) return true;
  const text = workflow.origin.kind === 'json' ? workflow.origin.text : undefined;
  for (const diagnostic of result.diagnostics) {
    io.stderr.write(
      `${formatDiagnostic(locateDiagnostic(diagnostic, workflow.origin), text, colors.stderr)}\n`,
    );
  }
  return false;
}
