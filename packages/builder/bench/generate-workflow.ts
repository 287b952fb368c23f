/**
 * Source text of a long workflow, written twice: with the builder, and as a
 * plain ASL object literal checked with `satisfies StateMachineDefinition`.
 * The builder version reads and writes data at every step, the way real
 * workflows do, so the compiler carries a changing data type all the way.
 */

const SLOTS = 8;

export interface GeneratedSources {
  readonly builder: string;
  readonly plain: string;
}

export function generateWorkflow(states: number, builderImport: string, aslImport: string): GeneratedSources {
  return { builder: builderSource(states, builderImport), plain: plainSource(states, aslImport) };
}

function builderSource(states: number, from: string): string {
  const lines = [
    `import { z } from 'zod';`,
    `import { eq, type OutputOf, pass, task, choice, wait, workflow } from '${from}';`,
    `const Input = z.object({ id: z.string(), count: z.number(), delay: z.number() });`,
    `const Result = z.object({ value: z.number(), label: z.string() });`,
    `const resource = 'arn:aws:lambda:region:account-id:function:Step';`,
    `export const wf = workflow({ input: Input }).define((start) => start`,
  ];
  for (let i = 0; i < states; i += 1) lines.push(`  .next(${builderState(i)})`);
  lines.push(');');
  lines.push(`export type Final = typeof wf.__output;`);
  return `${lines.join('\n')}\n`;
}

function builderState(i: number): string {
  const slot = `s${i % SLOTS}`;
  const written = lastWrittenBefore(i);
  const read = written === undefined ? 's.id' : `s.s${written % SLOTS}.label`;
  switch (i % 5) {
    case 0:
      return `task('State ${i}', { resource, result: Result, parameters: (s) => ({ from: ${read}, n: s.count }), resultPath: '$.${slot}' })`;
    case 1:
      return `task('State ${i}', { resource, result: Result, resultSelector: (r) => ({ value: r.value, label: r.label }), resultPath: '$.${slot}', assign: (r) => ({ v${i % 4}: r.value }) })`;
    case 2:
      return `pass('State ${i}', { parameters: (s, _ctx, vars) => ({ value: s.count, label: s.id, seen: vars.v1 }), resultPath: '$.${slot}' })`;
    case 3:
      return `wait('State ${i}', { seconds: (s) => s.delay })`;
    default:
      return `choice('State ${i}', (c) => c.when((s) => s.count, eq(${i}), pass('State ${i} yes')).otherwise(pass('State ${i} no')))`;
  }
}

/** The last state before `i` that wrote a slot (tasks and passes write, waits and choices do not). */
function lastWrittenBefore(i: number): number | undefined {
  for (let j = i - 1; j >= 0; j -= 1) if (j % 5 <= 2) return j;
  return undefined;
}

function plainSource(states: number, from: string): string {
  const entries: string[] = [];
  for (let i = 0; i < states; i += 1) {
    const next = i + 1 < states ? `Next: 'State ${i + 1}'` : 'End: true';
    const slot = `$.s${i % SLOTS}`;
    switch (i % 5) {
      case 0:
        entries.push(
          `'State ${i}': { Type: 'Task', Resource: 'arn:aws:lambda:region:account-id:function:Step', Parameters: { 'from.$': '$.id', 'n.$': '$.count' }, ResultPath: '${slot}', ${next} }`,
        );
        break;
      case 1:
        entries.push(
          `'State ${i}': { Type: 'Task', Resource: 'arn:aws:lambda:region:account-id:function:Step', ResultSelector: { 'value.$': '$.value', 'label.$': '$.label' }, ResultPath: '${slot}', Assign: { 'v${i % 4}.$': '$.value' }, ${next} }`,
        );
        break;
      case 2:
        entries.push(
          `'State ${i}': { Type: 'Pass', Parameters: { 'value.$': '$.count', 'label.$': '$.id' }, ResultPath: '${slot}', ${next} }`,
        );
        break;
      case 3:
        entries.push(`'State ${i}': { Type: 'Wait', SecondsPath: '$.delay', ${next} }`);
        break;
      default:
        entries.push(
          `'State ${i}': { Type: 'Choice', Choices: [{ Variable: '$.count', NumericEquals: ${i}, Next: 'State ${i} yes' }], Default: 'State ${i} no' }`,
          `'State ${i} yes': { Type: 'Pass', ${next} }`,
          `'State ${i} no': { Type: 'Pass', ${next} }`,
        );
    }
  }
  return [
    `import type { StateMachineDefinition } from '${from}';`,
    `export const definition = {`,
    `  StartAt: 'State 0',`,
    `  States: {`,
    ...entries.map((e) => `    ${e},`),
    `  },`,
    `} satisfies StateMachineDefinition;`,
    '',
  ].join('\n');
}
