import type { DiagnosticSink } from './diagnostic';
import type { MachineScope } from './machines';
import { isTerminal, transitionsOf } from './transitions';

/**
 * A machine needs a terminal state, and every state must be reachable from
 * StartAt. As AWS does, a machine without any terminal state gets that one
 * diagnostic and no reachability report (every state would look stranded).
 */
export function checkReachability(scopes: MachineScope[], sink: DiagnosticSink): void {
  for (const scope of scopes) {
    if (scope.states.length === 0) continue;
    if (!scope.states.some(({ state }) => isTerminal(state))) {
      sink.error('MISSING_END_STATE', scope.pointer, 'Workflow has no terminal state.');
      continue;
    }
    const byName = new Map(scope.states.map((context) => [context.name, context]));
    const startAt = scope.machine.StartAt;
    if (typeof startAt !== 'string' || !byName.has(startAt)) continue;
    const reached = new Set<string>([startAt]);
    const queue = [startAt];
    while (queue.length > 0) {
      const current = byName.get(queue.pop()!)!;
      for (const { target } of transitionsOf(current.state, current.pointer)) {
        if (byName.has(target) && !reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    for (const { name, pointer } of scope.states) {
      if (!reached.has(name)) sink.error('UNREACHABLE_STATE', pointer, `State "${name}" is not reachable.`);
    }
  }
}
