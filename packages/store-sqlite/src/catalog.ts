import {
  aliasFrom,
  DurableResourceNotFoundError,
  type StoredAlias,
  type StoredStateMachine,
  type StoredVersion,
  versionFrom,
} from '@stepwise/runtime';
import type Database from 'better-sqlite3';
import type { Statements } from './statements';

/** Definitions, state machines, their versions and aliases in SQLite. */
export class SqliteCatalog {
  constructor(
    private readonly db: Database.Database,
    private readonly sql: () => Statements,
  ) {}

  putDefinition(definitionId: string, json: string): void {
    this.sql().putDefinition.run(definitionId, json);
  }

  getDefinition(definitionId: string): string | undefined {
    return (this.sql().getDefinition.get(definitionId) as { json: string } | undefined)?.json;
  }

  putStateMachine(m: StoredStateMachine): void {
    this.sql().putMachine.run(m.stateMachineArn, m.name, m.definitionId, m.createdAt);
  }

  getStateMachine(arn: string): StoredStateMachine | undefined {
    const row = this.sql().getMachine.get(arn) as
      | { arn: string; name: string; definition_id: string; created_at: number }
      | undefined;
    return (
      row && {
        stateMachineArn: row.arn,
        name: row.name,
        definitionId: row.definition_id,
        createdAt: row.created_at,
      }
    );
  }

  publishVersion(arn: string, description: string | undefined, now: number): StoredVersion {
    const sql = this.sql();
    return this.db.transaction(() => {
      const machine = sql.getMachine.get(arn) as { definition_id: string } | undefined;
      if (!machine) throw new DurableResourceNotFoundError('state machine', arn);
      const { next } = sql.nextVersion.get(arn) as { next: number };
      const row = {
        versionArn: `${arn}:${next}`,
        stateMachineArn: arn,
        version: next,
        definitionId: machine.definition_id,
        description,
        createdAt: now,
      };
      sql.putVersion.run(row.versionArn, arn, next, row.definitionId, description ?? null, now);
      return row;
    })();
  }

  getVersion(versionArn: string): StoredVersion | undefined {
    const row = this.sql().getVersion.get(versionArn) as Record<string, unknown> | undefined;
    return row && versionFrom(row);
  }

  listVersions(arn: string): StoredVersion[] {
    return (this.sql().listVersions.all(arn) as Record<string, unknown>[]).map(versionFrom);
  }

  putAlias(alias: StoredAlias): void {
    this.sql().putAlias.run(
      alias.aliasArn,
      alias.stateMachineArn,
      alias.name,
      JSON.stringify(alias.routing),
      alias.description ?? null,
    );
  }

  getAlias(aliasArn: string): StoredAlias | undefined {
    const row = this.sql().getAlias.get(aliasArn) as Record<string, unknown> | undefined;
    return row && aliasFrom(row);
  }
}
