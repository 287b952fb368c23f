import { Chain, type ChainLike } from '../chain/chain';
import { single } from '../chain/graph';
import type { StateNode } from '../chain/state-node';
import { DanglingBranchError } from '../errors';
import type { QueryLanguage } from '../types/json';

/**
 * A transition back to a state defined elsewhere in the workflow (a loop).
 * The data must fit what that state expects; the state must belong to the
 * same scope when the workflow is compiled.
 */
export function goto<In, VIn>(
  target: ChainLike<In, unknown, VIn, unknown, QueryLanguage>,
): Chain<In, never, VIn, never> {
  const head = target.graph?.head;
  if (!head) throw new DanglingBranchError('goto', 'points at an empty chain');
  const resolved = head.target ?? head;
  const node: StateNode = {
    ...resolved,
    branches: [],
    scopes: [],
    retry: [],
    catchers: [],
    target: resolved,
    terminal: true,
  };
  return new Chain(single(node, []));
}
