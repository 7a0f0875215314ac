import type { ErrorCode, ErrorInfo } from '../../shared/contract/errors';

/**
 * The only error the core throws on purpose. Its message is plain English without personal data,
 * so it may reach the CLI, the log and the UI; anything else is reported as `internal`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Omit<ErrorInfo, 'code' | 'message'>;

  constructor(code: ErrorCode, message: string, details: Omit<ErrorInfo, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Converts anything thrown into information that is safe to show: no stack, no raw message. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (isAppError(e)) return e.toInfo();
  return { code: 'internal', message: 'An unexpected error occurred.' };
}
