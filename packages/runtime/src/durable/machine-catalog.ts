import { createHash } from 'node:crypto';
import { checkDefinition, type DefinitionInput } from '../engine/check-definition';
import { checkName } from '../machines/aws-names';
import { StateMachineAlreadyExistsError } from '../machines/machine-errors';
import type {
  AliasRoute,
  DurableStore,
  StoredAlias,
  StoredStateMachine,
  StoredVersion,
} from './durable-store';
import { DurableResourceNotFoundError, InvalidAliasRoutingError, StoreCorruptionError } from './store-errors';

/** What an execution runs: a definition, the machine it belongs to and, if pinned, the version. */
export interface ResolvedTarget {
  readonly definitionId: string;
  readonly definition: string;
  readonly stateMachineArn: string;
  readonly versionArn: string | undefined;
}

/** A definition as stored: its content hash and its JSON text. */
interface StoredDefinition {
  readonly definitionId: string;
  readonly definition: string;
}

/** State machines, versions and aliases over a durable store, as the Step Functions API has them. */
export class MachineCatalog {
  private readonly byObject = new WeakMap<object, Promise<StoredDefinition>>();
  /** Definition ids this runtime has written (content hashes: never rewritten differently). */
  private readonly stored = new Set<string>();
  private readonly texts = new Map<string, string>();
  /** Writes in flight, by definition id. */
  private readonly writing = new Map<string, Promise<void>>();
  /** Reads in flight: executions resumed together share one read of their definition. */
  private readonly reading = new Map<string, Promise<string>>();

  constructor(
    private readonly store: DurableStore,
    private readonly region: string,
    private readonly accountId: string,
    private readonly random: () => number,
    private readonly validate: boolean,
  ) {}

  machineArn(name: string): string {
    return `arn:aws:states:${this.region}:${this.accountId}:stateMachine:${name}`;
  }

  /**
   * Stores a definition under its content hash; the same text is stored once. A definition object
   * is taken as immutable once started (the engine caches its plan by identity too), so starting it
   * again costs neither checking, serialising nor hashing it again. Starts of one new definition
   * made together share that work and its one write; a failed write is not kept.
   */
  putDefinition(definition: DefinitionInput): Promise<StoredDefinition> {
    // null is no definition: it is refused as a string would be, and is no WeakMap key.
    if (typeof definition !== 'object' || definition === null) return this.storeDefinition(definition);
    let stored = this.byObject.get(definition);
    if (!stored) {
      stored = this.storeDefinition(definition);
      this.byObject.set(definition, stored);
      stored.catch(() => this.byObject.delete(definition));
    }
    return stored;
  }

  private async storeDefinition(definition: DefinitionInput): Promise<StoredDefinition> {
    const json = JSON.stringify(checkDefinition(definition, this.validate));
    const definitionId = createHash('sha256').update(json).digest('hex');
    if (!this.stored.has(definitionId)) {
      await shared(this.writing, definitionId, () => this.store.putDefinition(definitionId, json));
      this.stored.add(definitionId);
    }
    return { definitionId, definition: json };
  }

  async createStateMachine(
    name: string,
    definition: DefinitionInput,
    now: number,
  ): Promise<StoredStateMachine> {
    checkName('state machine', name);
    const { definitionId } = await this.putDefinition(definition);
    const stateMachineArn = this.machineArn(name);
    // As AWS's CreateStateMachine: the same definition again answers with the machine; another
    // one is refused (updateStateMachine changes a machine's definition).
    const existing = await this.store.getStateMachine(stateMachineArn);
    if (existing?.definitionId === definitionId) return existing;
    if (existing) throw new StateMachineAlreadyExistsError(stateMachineArn);
    const machine = { stateMachineArn, name, definitionId, createdAt: now };
    await this.store.putStateMachine(machine);
    return machine;
  }

  async updateStateMachine(
    stateMachineArn: string,
    definition: DefinitionInput,
  ): Promise<StoredStateMachine> {
    const machine = await this.requireMachine(stateMachineArn);
    const { definitionId } = await this.putDefinition(definition);
    const updated = { ...machine, definitionId };
    await this.store.putStateMachine(updated);
    return updated;
  }

  async publishVersion(
    stateMachineArn: string,
    description: string | undefined,
    now: number,
  ): Promise<StoredVersion> {
    const machine = await this.requireMachine(stateMachineArn);
    // As AWS's PublishStateMachineVersion: a definition already published as the latest version
    // is not published again.
    const latest = (await this.store.listVersions(stateMachineArn)).at(-1);
    if (latest?.definitionId === machine.definitionId) return latest;
    return this.store.publishVersion(stateMachineArn, description, now);
  }

  /** Creates or replaces an alias: one version, or two with weights that add up to 100. */
  async putAlias(
    stateMachineArn: string,
    name: string,
    routing: readonly AliasRoute[],
    description?: string,
  ): Promise<StoredAlias> {
    checkName('alias', name);
    await this.requireMachine(stateMachineArn);
    checkRouting(routing);
    for (const route of routing) {
      const version = await this.store.getVersion(route.versionArn);
      if (version?.stateMachineArn !== stateMachineArn) {
        throw new InvalidAliasRoutingError(`'${route.versionArn}' is not a version of '${stateMachineArn}'.`);
      }
    }
    const alias = { aliasArn: `${stateMachineArn}:${name}`, stateMachineArn, name, routing, description };
    await this.store.putAlias(alias);
    return alias;
  }

  /** A definition, or the ARN of a machine (its latest definition), a version or an alias. */
  async resolve(target: DefinitionInput, fallbackMachineArn: string): Promise<ResolvedTarget> {
    if (typeof target !== 'string' || !target.startsWith('arn:')) {
      const stored = await this.putDefinition(target);
      return { ...stored, stateMachineArn: fallbackMachineArn, versionArn: undefined };
    }
    const parts = target.split(':');
    if (parts.length === 7) {
      const machine = await this.requireMachine(target);
      return this.withDefinition(machine.definitionId, target, undefined);
    }
    const machineArn = parts.slice(0, 7).join(':');
    const qualifier = parts[7] ?? '';
    let versionArn = target;
    if (!/^\d+$/.test(qualifier)) {
      const alias = await this.store.getAlias(target);
      if (!alias) throw new DurableResourceNotFoundError('state machine alias', target);
      versionArn = this.pick(alias.routing);
    }
    const version = await this.store.getVersion(versionArn);
    if (!version) throw new DurableResourceNotFoundError('state machine version', versionArn);
    return this.withDefinition(version.definitionId, machineArn, versionArn);
  }

  /** A definition by content hash; what was read once never changes, so it is kept. */
  definitionText(definitionId: string): Promise<string> {
    const known = this.texts.get(definitionId);
    if (known !== undefined) return Promise.resolve(known);
    return shared(this.reading, definitionId, () => this.readDefinition(definitionId));
  }

  private async readDefinition(definitionId: string): Promise<string> {
    const text = await this.store.getDefinition(definitionId);
    if (text === undefined) throw new DurableResourceNotFoundError('definition', definitionId);
    // Stored by this runtime as JSON text: anything else was changed in the store.
    try {
      JSON.parse(text);
    } catch (error) {
      throw new StoreCorruptionError(`definition ${definitionId}`, `not JSON (${(error as Error).message})`);
    }
    if (this.texts.size >= 1000) this.texts.clear();
    this.texts.set(definitionId, text);
    return text;
  }

  private async withDefinition(
    definitionId: string,
    stateMachineArn: string,
    versionArn: string | undefined,
  ) {
    return { definitionId, definition: await this.definitionText(definitionId), stateMachineArn, versionArn };
  }

  /** Weighted routing: a draw in [0, 100) falls in one version's share. */
  private pick(routing: readonly AliasRoute[]): string {
    let draw = this.random() * 100;
    for (const route of routing) {
      if (draw < route.weight) return route.versionArn;
      draw -= route.weight;
    }
    return (routing[routing.length - 1] as AliasRoute).versionArn;
  }

  private async requireMachine(stateMachineArn: string): Promise<StoredStateMachine> {
    const machine = await this.store.getStateMachine(stateMachineArn);
    if (!machine) throw new DurableResourceNotFoundError('state machine', stateMachineArn);
    return machine;
  }
}

/** The call in flight under `key`, or a new one kept there until it settles: calls made meanwhile share it. */
function shared<T>(inFlight: Map<string, Promise<T>>, key: string, start: () => Promise<T>): Promise<T> {
  let call = inFlight.get(key);
  if (!call) {
    call = start().finally(() => inFlight.delete(key));
    inFlight.set(key, call);
  }
  return call;
}

/**
 * AWS's routing configuration: one or two versions, each with a whole-number weight from 0 to 100,
 * the weights adding up to 100.
 */
function checkRouting(routing: unknown): asserts routing is readonly AliasRoute[] {
  if (!Array.isArray(routing) || routing.length < 1 || routing.length > 2) {
    throw new InvalidAliasRoutingError('An alias routes to one or two versions, given as an array.');
  }
  for (const route of routing as unknown[]) {
    const { versionArn, weight } = (route ?? {}) as Partial<AliasRoute>;
    if (
      typeof versionArn !== 'string' ||
      !Number.isInteger(weight) ||
      (weight as number) < 0 ||
      (weight as number) > 100
    ) {
      throw new InvalidAliasRoutingError(
        'Each route of an alias is { versionArn, weight }, the weight a whole number from 0 to 100.',
      );
    }
  }
  if ((routing as AliasRoute[]).reduce((sum, r) => sum + r.weight, 0) !== 100) {
    throw new InvalidAliasRoutingError('The weights of an alias must add up to 100.');
  }
  // Weighted routing is between two versions: one named twice is a mistake, not a split.
  if (
    routing.length === 2 &&
    (routing[0] as AliasRoute).versionArn === (routing[1] as AliasRoute).versionArn
  ) {
    throw new InvalidAliasRoutingError('An alias that routes to two versions names two different versions.');
  }
}
