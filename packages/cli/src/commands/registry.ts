import type { Command } from './command';

export interface CommandEntry {
  name: string;
  summary: string;
  /** Loads the command's module only when it runs, so one command never pays for another's dependencies. */
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'validate',
    summary: 'Check ASL definitions and report findings with line, column and a code frame',
    load: async () => (await import('./validate')).validateCommand,
  },
  {
    name: 'graph',
    summary: 'Draw a workflow as Mermaid, Graphviz DOT or SVG, optionally with an execution path',
    load: async () => (await import('./graph')).graphCommand,
  },
  {
    name: 'run',
    summary: 'Run a workflow locally and show its progress and output',
    load: async () => (await import('./run')).runCommand,
  },
  {
    name: 'import',
    summary: 'Turn an ASL definition into TypeScript builder code',
    load: async () => (await import('./import')).importCommand,
  },
  {
    name: 'compile',
    summary: 'Compile the workflows a TypeScript project exports into .asl.json files',
    load: async () => (await import('./compile')).compileCommand,
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((entry) => entry.name === name);
}
