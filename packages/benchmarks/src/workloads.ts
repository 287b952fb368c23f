import type { StateMachineDefinition } from '@stepwise/asl';

/** A task handler both engines call the same way: JSON in, JSON out. */
export type BenchHandler = (input: unknown) => Promise<unknown>;

export interface Workload {
  readonly name: string;
  readonly description: string;
  readonly definition: StateMachineDefinition;
  readonly input: unknown;
  /** Express for work beyond a Standard execution's 25,000-event history quota, as on AWS. */
  readonly type: 'STANDARD' | 'EXPRESS';
  /** How many executions start at once. */
  readonly executions: number;
  /** States entered over all executions, counted from the definition and input. */
  readonly transitions: number;
  /** Handlers by Task resource. */
  readonly handlers: Readonly<Record<string, BenchHandler>>;
  /** Checks one execution's output, so a fast wrong answer cannot pass as a result. */
  readonly check: (output: unknown) => boolean;
}

const PASS_CHAIN_LENGTH = 100;
const CHOICE_LOOP_ITERATIONS = 5_000;
const MAP_ITEMS = 10_000;
const TASK_CHAIN_LENGTH = 10;
const CONCURRENT_EXECUTIONS = 1_000;

function passChain(): Workload {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < PASS_CHAIN_LENGTH; i++) {
    states[`Pass${i}`] = {
      Type: 'Pass',
      Parameters: { 'step.$': '$.step', 'order.$': '$.order', index: i },
      ResultPath: '$.last',
      ...(i + 1 < PASS_CHAIN_LENGTH ? { Next: `Pass${i + 1}` } : { End: true }),
    };
  }
  return {
    name: 'pass-chain',
    description: `${PASS_CHAIN_LENGTH} Pass states with Parameters and ResultPath, 200 executions`,
    definition: { StartAt: 'Pass0', States: states } as StateMachineDefinition,
    input: { step: 1, order: { id: 'o-1', lines: [1, 2, 3] } },
    type: 'STANDARD',
    executions: 200,
    transitions: PASS_CHAIN_LENGTH * 200,
    handlers: {},
    check: (output) => (output as { last?: { index?: number } }).last?.index === PASS_CHAIN_LENGTH - 1,
  };
}

function choiceLoop(): Workload {
  return {
    name: 'choice-loop',
    description: `a Choice loop of ${CHOICE_LOOP_ITERATIONS} iterations with States.MathAdd`,
    definition: {
      StartAt: 'Loop',
      States: {
        Loop: {
          Type: 'Choice',
          Choices: [{ Variable: '$.count', NumericLessThan: CHOICE_LOOP_ITERATIONS, Next: 'Increment' }],
          Default: 'Done',
        },
        Increment: {
          Type: 'Pass',
          Parameters: { 'count.$': 'States.MathAdd($.count, 1)' },
          Next: 'Loop',
        },
        Done: { Type: 'Succeed' },
      },
    } as StateMachineDefinition,
    input: { count: 0 },
    type: 'STANDARD',
    executions: 1,
    // Loop and Increment per iteration, then the last Loop and Done.
    transitions: 2 * CHOICE_LOOP_ITERATIONS + 2,
    handlers: {},
    check: (output) => (output as { count?: number }).count === CHOICE_LOOP_ITERATIONS,
  };
}

function mapOverItems(): Workload {
  // Short values keep the input within the 256 KiB an execution may start with.
  const items = Array.from({ length: MAP_ITEMS }, (_, i) => ({
    id: i,
    size: i % 3 === 0 ? 'L' : 'S',
  }));
  return {
    name: 'map',
    description: `a Map over ${MAP_ITEMS} items, each taking a Choice and a Pass`,
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Size',
            States: {
              Size: {
                Type: 'Choice',
                Choices: [{ Variable: '$.size', StringEquals: 'L', Next: 'Large' }],
                Default: 'Small',
              },
              Large: { Type: 'Pass', Parameters: { 'id.$': '$.id', crate: true }, End: true },
              Small: { Type: 'Pass', Parameters: { 'id.$': '$.id', crate: false }, End: true },
            },
          },
          End: true,
        },
      },
    } as StateMachineDefinition,
    input: { items },
    // 10,000 iterations record about 60,000 events: only an Express execution may do that.
    type: 'EXPRESS',
    executions: 1,
    transitions: 1 + 2 * MAP_ITEMS,
    handlers: {},
    check: (output) => Array.isArray(output) && output.length === MAP_ITEMS && output[3]?.crate === true,
  };
}

/**
 * Ten Tasks in a row. Timed, each has TimeoutSeconds and HeartbeatSeconds, as production
 * workflows set them (AWS's advice), so each call also sets and cancels two timers.
 */
function taskChain(timed: boolean): Workload {
  const states: Record<string, unknown> = {};
  const handlers: Record<string, BenchHandler> = {};
  for (let i = 0; i < TASK_CHAIN_LENGTH; i++) {
    const resource = `arn:aws:lambda:us-east-1:111111111111:function:Step${i}`;
    handlers[resource] = async (input) => ({ ...(input as object), [`step${i}`]: true });
    states[`Task${i}`] = {
      Type: 'Task',
      Resource: resource,
      ...(timed ? { TimeoutSeconds: 60, HeartbeatSeconds: 30 } : {}),
      ...(i + 1 < TASK_CHAIN_LENGTH ? { Next: `Task${i + 1}` } : { End: true }),
    };
  }
  return {
    name: timed ? 'timed-task-chain' : 'task-chain',
    description: timed
      ? `${TASK_CHAIN_LENGTH} Task states with TimeoutSeconds and HeartbeatSeconds x ${CONCURRENT_EXECUTIONS} concurrent executions`
      : `${TASK_CHAIN_LENGTH} Task states x ${CONCURRENT_EXECUTIONS} concurrent executions, trivial handlers`,
    definition: { StartAt: 'Task0', States: states } as StateMachineDefinition,
    input: { orderId: 'o-1' },
    type: 'STANDARD',
    executions: CONCURRENT_EXECUTIONS,
    transitions: TASK_CHAIN_LENGTH * CONCURRENT_EXECUTIONS,
    handlers,
    check: (output) => (output as Record<string, unknown>)[`step${TASK_CHAIN_LENGTH - 1}`] === true,
  };
}

export const workloads: readonly Workload[] = [
  passChain(),
  choiceLoop(),
  mapOverItems(),
  taskChain(false),
  taskChain(true),
];
