/**
 * The request queue: proxies enqueue operations (with a JSON description, which is what
 * travels to Excel and is measured against the payload limit) and `sync` applies them in
 * order. The first failing operation stops the batch, as in Excel: what came before it stays.
 */
import { FakeOfficeError } from './errors';
import type { FakeWorkbookState } from './state';

export type ApiVersion = '1.8' | '1.9' | '1.10' | '1.12' | '1.13' | '1.18';

export interface Operation {
  /** what the request carries for this operation */
  payload: { path: string; op: string; args?: unknown };
  apply: () => void;
}

export interface SyncStats {
  syncCount: number;
  requests: Array<{ bytes: number; operations: number }>;
}

const encoder = new TextEncoder();

export function jsonBytes(v: unknown): number {
  return encoder.encode(JSON.stringify(v)).length;
}

export class FakeQueue {
  private pending: Operation[] = [];

  constructor(
    readonly state: FakeWorkbookState,
    readonly apiVersion: ApiVersion,
    private readonly payloadLimit: number,
    private readonly stats: SyncStats,
  ) {}

  enqueue(path: string, op: string, args: unknown, apply: () => void): void {
    this.pending.push({ payload: args === undefined ? { path, op } : { path, op, args }, apply });
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    this.stats.syncCount++;
    const bytes = jsonBytes(ops.map((o) => o.payload));
    this.stats.requests.push({ bytes, operations: ops.length });
    // A round trip: results are never there synchronously.
    await Promise.resolve();
    if (bytes > this.payloadLimit) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${bytes} > ${this.payloadLimit} bytes).`,
        'RequestContext.sync',
      );
    }
    for (const op of ops) op.apply();
  }
}
