// Errors cross the process boundary as values: `{ code, message }` with a Vietnamese message
// the user can act on, optionally with per-field/per-row details.

export const errorCodes = [
  'VALIDATION',
  'BAD_TOKEN',
  'UNAUTHENTICATED',
  'LOCKED',
  /** Too many wrong passwords: wait (the message says how long) or ask a leader to lift a lock. */
  'RATE_LIMITED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'BAD_CREDENTIALS',
  'DEADLINE',
  'CANCELLED',
  'UNKNOWN_METHOD',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem in the input: which field (or row/column), and what is wrong, in Vietnamese. */
export interface Issue {
  path: string;
  message: string;
}

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  issues?: Issue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Thrown on either side; serialised to ApiErrorShape at the boundary. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: Issue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
  toJSON(): ApiErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}
