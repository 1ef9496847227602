/**
 * Errors shaped like Office.js's `OfficeExtension.Error`: code names are Excel's, so a host
 * that branches on `error.code` behaves the same against the fake as against Excel.
 */
export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'ApiNotFound'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidReference'
  | 'OperationCellsExceedLimit'
  | 'RangeExceedsLimit';

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: FakeErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function propertyNotLoaded(property: string, path: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    path,
  );
}

export function invalidArgument(message: string, path: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. ${message}`, path);
}

export function itemNotFound(what: string, path: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (${what})`, path);
}

/**
 * "OperationCellsExceedLimit: The attempted operation affects more than the limit of 33554000
 * cells." (Error handling with the application-specific JavaScript APIs,
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * Excel on the web refuses such an operation; the fake refuses it everywhere (the stricter).
 */
export const MAX_OPERATION_CELLS = 33_554_000;

export function checkOperationCells(cells: number, path: string): void {
  if (cells > MAX_OPERATION_CELLS) {
    throw new FakeOfficeError(
      'OperationCellsExceedLimit',
      `The attempted operation affects more than the limit of ${MAX_OPERATION_CELLS} cells (${cells}).`,
      path,
    );
  }
}
