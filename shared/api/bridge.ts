import type { Result } from '../errors';
import type { AppEvent } from './events';
import type { UploadResult } from './assessment-schemas';

/**
 * What the Electron preload exposes as `window.kiemchung` — nothing else crosses the bridge.
 * `invoke` only reaches methods declared in the contract (main registers a handler per name).
 */
export interface KiemchungBridge {
  invoke(method: string, input: unknown, session: string | null): Promise<Result<unknown>>;
  on(listener: (e: AppEvent) => void): () => void;
  /** Sends a file's bytes to main, which stores it like an HTTP upload. */
  upload(name: string, data: ArrayBuffer, session: string | null): Promise<Result<UploadResult>>;
}

/** The envelope an IPC call carries. */
export interface IpcEnvelope {
  input: unknown;
  session: string | null;
}
