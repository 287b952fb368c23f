import { childPointer } from './json-pointer';
import { has, isObject, type JsonObject } from './json-tree';

export interface Transition {
  target: string;
  /** Pointer to the field that names the target. */
  location: string;
}

/** Every state a state can move to: Next, the Choice rules' Next and Default, the catchers' Next. */
export function transitionsOf(state: JsonObject, pointer: string): Transition[] {
  const transitions: Transition[] = [];
  const add = (holder: JsonObject, field: string, location: string) => {
    const target = holder[field];
    if (has(holder, field) && typeof target === 'string')
      transitions.push({ target, location: childPointer(location, field) });
  };
  add(state, 'Next', pointer);
  if (state.Type === 'Choice') {
    if (Array.isArray(state.Choices)) {
      state.Choices.forEach((rule, i) => {
        if (isObject(rule)) add(rule, 'Next', childPointer(pointer, 'Choices', i));
      });
    }
    add(state, 'Default', pointer);
  }
  if (Array.isArray(state.Catch)) {
    state.Catch.forEach((catcher, i) => {
      if (isObject(catcher)) add(catcher, 'Next', childPointer(pointer, 'Catch', i));
    });
  }
  return transitions;
}

/** A state that can end its machine: End: true, Succeed or Fail. */
export function isTerminal(state: JsonObject): boolean {
  return state.End === true || state.Type === 'Succeed' || state.Type === 'Fail';
}
