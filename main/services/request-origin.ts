// Where the API call being handled comes from, for the audit log: set by the router around each
// call (AsyncLocalStorage follows the call through awaits), read by appendAudit. Only calls that
// arrive over the office network carry an address; on the serving PC itself it is null.
import { AsyncLocalStorage } from 'node:async_hooks';

const origin = new AsyncLocalStorage<{ remoteAddress: string | null }>();

export function withRemoteAddress<T>(remoteAddress: string | null | undefined, fn: () => T): T {
  return origin.run({ remoteAddress: remoteAddress ?? null }, fn);
}

export const currentRemoteAddress = (): string | null => origin.getStore()?.remoteAddress ?? null;
