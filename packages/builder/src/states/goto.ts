import { Chain, type ChainLike } from '../chain/chain';
import { type Graph, single } from '../chain/graph';
import type { StateNode } from '../chain/state-node';
import { DanglingBranchError } from '../errors';
import type { QueryLanguage } from '../types/json';

/**
 * A transition back to a state defined elsewhere in the workflow (a loop).
 * Given the state's chain, the data must fit what that state expects. Given
 * its name, the state may be one that is still being built, such as the
 * Choice whose branch loops back to it; the name is resolved when the
 * workflow compiles, and the data is not checked. Either way the state must
 * belong to the same scope.
 */
export function goto<In, VIn>(
  target: ChainLike<In, unknown, VIn, unknown, QueryLanguage> | string,
): Chain<In, never, VIn, never> {
  return new Chain(single(typeof target === 'string' ? namedTarget(target) : chainTarget(target), []));
}

function chainTarget(target: { readonly graph: Graph | undefined }): StateNode {
  const head = target.graph?.head;
  if (!head) throw new DanglingBranchError('goto', 'points at an empty chain');
  const resolved = typeof head.target === 'object' ? head.target : head;
  return {
    ...resolved,
    branches: [],
    scopes: [],
    retry: [],
    catchers: [],
    // A goto to a goto stands for the same state.
    target: head.target ?? head,
    terminal: true,
  };
}

function namedTarget(name: string): StateNode {
  if (name.length === 0) throw new DanglingBranchError('goto', 'names no state');
  return {
    index: 0,
    name,
    type: 'Pass',
    language: undefined,
    terminal: true,
    emit: () => {
      throw new DanglingBranchError(name, 'is a goto, which is never written as a state');
    },
    branches: [],
    scopes: [],
    retry: [],
    catchers: [],
    target: name,
  };
}
