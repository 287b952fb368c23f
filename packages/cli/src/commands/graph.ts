import { choiceOption, stringOption } from '../cli/args';
import { UsageError } from '../cli/errors';
import { ExitCode } from '../cli/exit-codes';
import { buildGraph } from '../graph/build-graph';
import { executionOverlay } from '../graph/execution-overlay';
import { renderDot } from '../graph/render-dot';
import { renderMermaid } from '../graph/render-mermaid';
import { loadWorkflow } from '../input/load-workflows';
import { readHistory } from '../input/read-history';
import { writeOutput } from '../output/write-output';
import type { Command } from './command';

const FORMATS = ['mermaid', 'dot', 'svg'] as const;

export const graphCommand: Command = {
  name: 'graph',
  summary: 'Draw a workflow as Mermaid, Graphviz DOT or SVG, optionally with an execution path',
  usage:
    'stepwise graph <workflow.ts | file.asl.json> [--format mermaid|dot|svg] [--execution history.json] [--out file]',
  description:
    'Draws a workflow: Parallel branches and Map item processors as nested groups, Catch edges dashed,\n' +
    'Choice rules and Default as edge labels. With an execution history, the path taken is green and\n' +
    'the failed state red. SVG is rendered by Graphviz compiled to WebAssembly; no browser is needed.',
  options: {
    format: {
      type: 'string',
      short: 'f',
      value: 'mermaid|dot|svg',
      description: 'Output format (default: mermaid)',
    },
    execution: {
      type: 'string',
      short: 'e',
      value: 'history.json',
      description: 'History events to overlay: an array, or the output of `stepwise run --json`',
    },
    out: { type: 'string', short: 'o', value: 'file', description: 'Write to a file instead of stdout' },
    export: { type: 'string', value: 'name', description: 'Which workflow, when a module exports several' },
  },
  examples: [
    'stepwise graph order.asl.json > order.mmd',
    'stepwise graph src/workflow.ts --format svg --out order.svg',
    'stepwise run order.asl.json --json > run.json; stepwise graph order.asl.json --execution run.json -f svg -o run.svg',
  ],
  async run({ io, options, positionals }) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new UsageError('graph needs exactly one workflow file.');
    const format = choiceOption(options, 'format', FORMATS, 'mermaid');
    const workflow = await loadWorkflow(file, io.cwd, stringOption(options, 'export'));
    const graph = buildGraph(workflow.definition, workflow.name);
    const historyFile = stringOption(options, 'execution');
    const overlay =
      historyFile === undefined ? undefined : executionOverlay(graph, await readHistory(historyFile, io.cwd));
    let text: string;
    if (format === 'mermaid') text = renderMermaid(graph, overlay);
    else {
      const dot = renderDot(graph, overlay);
      text = format === 'dot' ? dot : await (await import('../graph/render-svg')).renderSvg(dot);
    }
    await writeOutput(io, text, stringOption(options, 'out'));
    return ExitCode.Ok;
  },
};
