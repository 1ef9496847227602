/**
 * The request queue: proxies enqueue operations (with a JSON description, which is what
 * travels to Excel and is measured against the payload limit) and `sync` applies them in
 * order. The first failing operation stops the batch, as in Excel: what came before it stays.
 */
import { FakeOfficeError } from './errors';
import type { FakeWorkbookState } from './state';

export type ApiVersion = '1.8' | '1.9' | '1.10' | '1.12' | '1.13' | '1.18';

/**
 * What a load brings back: the data, measured against the response limit, and the step that
 * hands it to the proxies, taken only once the whole response is known to fit.
 */
export interface Staged {
  response: unknown;
  commit: () => void;
}

export interface Operation {
  /** what the request carries for this operation */
  payload: { path: string; op: string; args?: unknown };
  apply: () => void | Staged;
}

export interface SyncStats {
  syncCount: number;
  /** each request's size, and the size of what came back (loads) */
  requests: Array<{ bytes: number; operations: number; responseBytes?: number }>;
}

const encoder = new TextEncoder();

export function jsonBytes(v: unknown): number {
  return encoder.encode(JSON.stringify(v)).length;
}

/**
 * What each operation costs on the wire beyond the fake's own short description of it (object
 * paths, ids, action and property names in Office.js's request format). Microsoft's guidance:
 * 10,000 single-cell writes (a Range made and its values set: two operations) "would likely
 * exceed the 5MB payload size limit" (Performance optimization using the Excel JavaScript API,
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices),
 * i.e. about 260 bytes an operation. The exact format is undocumented; the fake charges this
 * much on top of its JSON, which for a single-cell write is some 60 bytes more.
 */
export const WIRE_BYTES_PER_OPERATION = 200;

export class FakeQueue {
  private pending: Operation[] = [];

  constructor(
    readonly state: FakeWorkbookState,
    readonly apiVersion: ApiVersion,
    private readonly payloadLimit: number,
    private readonly stats: SyncStats,
    /** the most cells one range may read (range.ts) */
    readonly rangeCellLimit = 5_000_000,
  ) {}

  enqueue(path: string, op: string, args: unknown, apply: () => void | Staged): void {
    this.pending.push({ payload: args === undefined ? { path, op } : { path, op, args }, apply });
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    this.stats.syncCount++;
    const bytes = jsonBytes(ops.map((o) => o.payload)) + ops.length * WIRE_BYTES_PER_OPERATION;
    const request = { bytes, operations: ops.length, responseBytes: 0 };
    this.stats.requests.push(request);
    // A round trip: results are never there synchronously.
    await Promise.resolve();
    if (bytes > this.payloadLimit) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${bytes} > ${this.payloadLimit} bytes).`,
        'RequestContext.sync',
      );
    }
    const staged: Staged[] = [];
    for (const op of ops) {
      const s = op.apply();
      if (s) staged.push(s);
    }
    // Excel on the web limits responses as it limits requests: what the loads bring back.
    request.responseBytes = jsonBytes(staged.map((s) => s.response));
    if (request.responseBytes > this.payloadLimit) {
      throw new FakeOfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${request.responseBytes} > ${this.payloadLimit} bytes).`,
        'RequestContext.sync',
      );
    }
    for (const s of staged) s.commit();
  }
}
