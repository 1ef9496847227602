/**
 * Writes to the open workbook are queued as steps, each with an estimate of what it adds to the
 * request; steps are packed into as few requests as the payload limit allows and sent one after
 * the other. Excel on the web rejects a request over 5 MB ("Data transfer limits in Office
 * Add-ins", https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
import { rangeAddress } from '../../core/sheet/spec';

/** Excel on the web's request limit is 5 MB; estimates are rough, so stay well below it. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** What one queued operation costs beyond its data (object path, action, ids). */
export const OPERATION_OVERHEAD = 300;
/** A sheet's values larger than this are written in row chunks, so one step never fills a request. */
const VALUES_CHUNK = 1024 * 1024;

export interface Step {
  bytes: number;
  run: () => void;
}

/** Adds a step of `ops` operations carrying `bytes` of data. */
export type AddStep = (ops: number, bytes: number, run: () => void) => void;

const encoder = new TextEncoder();
export function jsonBytes(v: unknown): number {
  return encoder.encode(JSON.stringify(v)).length;
}

/** A step of `ops` operations and nothing more (a delete, a move, a select). */
export function operationStep(ops: number, run: () => void): Step {
  return { bytes: ops * OPERATION_OVERHEAD, run };
}

/**
 * A sheet-sized array written in row chunks, so one step never fills a request on its own;
 * all rows have `width` columns.
 */
export function chunkedWrites<T>(rows: T[][], width: number, write: (address: string, chunk: T[][]) => void, add: AddStep): void {
  if (rows.length === 0 || width === 0) return;
  const total = jsonBytes(rows);
  const chunkRows = Math.max(1, Math.floor((rows.length * VALUES_CHUNK) / Math.max(total, 1)));
  for (let r = 0; r < rows.length; r += chunkRows) {
    const chunk = rows.slice(r, r + chunkRows);
    const address = rangeAddress(r, 0, r + chunk.length - 1, width - 1);
    add(2, jsonBytes(chunk), () => write(address, chunk));
  }
}

/** Splits steps into requests of at most `budget` estimated bytes (a bigger step goes alone). */
export function packSteps<T extends { bytes: number }>(steps: T[], budget: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const s of steps) {
    if (current.length > 0 && size + s.bytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Requests Excel refused for their size, per context (proxies made in them do not exist). */
const refusedRequests = new WeakMap<object, number>();
export function refusals(context: Excel.RequestContext): number {
  return refusedRequests.get(context) ?? 0;
}

/**
 * Sends the requests one after the other; each must be synced before the next is queued. A
 * request Excel refuses for its size (RequestPayloadSizeLimitExceeded: nothing of it was done)
 * is split in two and each half sent again: the estimates are estimates.
 */
export async function send(context: Excel.RequestContext, requests: Step[][]): Promise<number> {
  const [request, ...rest] = requests;
  if (!request) return 0;
  for (const step of request) step.run();
  const refused = await context.sync().then(
    () => false,
    (e: unknown) => {
      if ((e as { code?: unknown } | null)?.code !== 'RequestPayloadSizeLimitExceeded' || request.length < 2) throw e;
      return true;
    },
  );
  if (!refused) return 1 + (await send(context, rest));
  refusedRequests.set(context, refusals(context) + 1);
  const half = Math.ceil(request.length / 2);
  return 1 + (await send(context, [request.slice(0, half), request.slice(half), ...rest]));
}
