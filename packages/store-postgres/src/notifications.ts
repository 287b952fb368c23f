import type pg from 'pg';

/** Reconnecting waits this long after a first failure, then twice as long each time, up to `last`. */
export const RELISTEN_MS = { first: 1000, last: 30_000 } as const;

export interface NotificationsOptions {
  readonly pool: pg.Pool;
  /** The channels to LISTEN on (names checked by the store: they are written into SQL). */
  readonly channels: readonly string[];
  /** Called with each notification. */
  readonly deliver: (channel: string, payload: string) => void;
  /**
   * Called once listening again after the connection was lost: notifications sent meanwhile are
   * gone for good, so whatever they would have woken should look for itself.
   */
  readonly relistened: () => void;
}

interface ClientListeners {
  readonly error: (error: Error) => void;
  readonly end: () => void;
  readonly notification: (message: pg.Notification) => void;
}

/**
 * One connection of the pool LISTENs for the whole store. The database may drop it at any time (a
 * restart, a failover, a proxy closing idle connections): it is then given back to the pool as
 * broken, and opened again a second later, then twice as long apart while that fails, up to thirty
 * seconds. A first connection that cannot be opened is retried the same way. Nothing of this
 * throws: without the connection, workers still poll and lease renewals still sweep for answers.
 */
export class Notifications {
  private client: pg.PoolClient | undefined;
  private opening: Promise<void> | undefined;
  private retry: NodeJS.Timeout | undefined;
  private failures = 0;
  private listenedBefore = false;
  private closed = false;
  /** What this store added to the listening connection, taken off before it goes back clean. */
  private listeners: ClientListeners | undefined;

  constructor(private readonly options: NotificationsOptions) {}

  /** Starts listening, once; later calls do nothing. */
  start(): void {
    if (this.opening || this.client || this.retry || this.closed) return;
    this.opening = this.open().finally(() => {
      this.opening = undefined;
    });
  }

  /** Whether a connection is listening now. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Stops listening and gives the connection back, clean, to the pool. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.opening;
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    // A pool the caller owns must not get back a connection that still listens, nor one that
    // calls into this closed store: each close would leave three more listeners on it.
    const unlistened = await client.query('UNLISTEN *').then(
      () => true,
      () => false,
    );
    // A broken one is destroyed instead, and keeps its error listener until it has ended.
    if (unlistened) this.detach(client);
    client.release(!unlistened);
  }

  private async open(): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.options.pool.connect();
    } catch {
      this.retryLater();
      return;
    }
    if (this.closed) {
      client.release();
      return;
    }
    this.client = client;
    // A checked-out client has no error listener of the pool's: without one, a dropped
    // connection's error would be thrown from the event loop and end the process.
    const listeners: ClientListeners = {
      error: (error: Error) => this.lost(client, error),
      end: () => this.lost(client, new Error('The LISTEN connection ended.')),
      // Closing, the store hears nothing more, though the connection listens until UNLISTEN.
      notification: (message: pg.Notification) => {
        if (!this.closed) this.options.deliver(message.channel, message.payload ?? '');
      },
    };
    this.listeners = listeners;
    client.on('error', listeners.error);
    client.on('end', listeners.end);
    client.on('notification', listeners.notification);
    try {
      await client.query(this.options.channels.map((channel) => `LISTEN ${channel}`).join('; '));
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.client !== client) return;
    this.failures = 0;
    if (this.listenedBefore) this.options.relistened();
    this.listenedBefore = true;
  }

  private detach(client: pg.PoolClient): void {
    const listeners = this.listeners;
    if (!listeners) return;
    this.listeners = undefined;
    client.off('error', listeners.error);
    client.off('end', listeners.end);
    client.off('notification', listeners.notification);
  }

  private lost(client: pg.PoolClient, error: unknown): void {
    // A dropped connection can report both an error and its end: the first one counts.
    if (this.client !== client) return;
    this.client = undefined;
    client.release(error instanceof Error ? error : new Error(String(error)));
    this.retryLater();
  }

  private retryLater(): void {
    if (this.closed) return;
    const ms = Math.min(RELISTEN_MS.first * 2 ** this.failures, RELISTEN_MS.last);
    this.failures++;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.start();
    }, ms);
    this.retry.unref();
  }
}
