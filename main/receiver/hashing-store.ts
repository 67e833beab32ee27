// tus's FileStore, hashing each upload's bytes as they are written. Finalize then knows the
// SHA-256 of what it received without reading the 5 MiB (or 2 GiB) file again on the busiest
// moment of the morning — the hash is spread over the PATCHes instead. Still the receiver's own
// hash of the bytes it wrote, never the client's claim. The running hash lives in this process
// only: a PATCH that does not continue exactly where this process's hash stops (a restart, a
// write that failed, another instance behind the load balancer) drops it, and finalize hashes
// the file as before (check-worker.thread.ts).
import { createHash, type Hash } from 'node:crypto';
import type http from 'node:http';
import { Transform, pipeline, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';

/** Running hashes kept at most (an abandoned upload's is dropped first; its finalize hashes the file). */
const MAX_RUNNING = 10_000;

export class HashingFileStore extends FileStore {
  private readonly running = new Map<string, { offset: number; hash: Hash }>();

  override async write(readable: http.IncomingMessage | Readable, id: string, offset: number): Promise<number> {
    const known = this.running.get(id);
    this.running.delete(id);
    const state = known?.offset === offset ? known : offset === 0 ? { offset: 0, hash: createHash('sha256') } : null;
    if (!state) return super.write(readable, id, offset);
    let seen = 0;
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        state.hash.update(chunk);
        seen += chunk.length;
        done(null, chunk);
      },
    });
    // A source error reaches the FileStore's own pipeline through the tee (which it destroys).
    pipeline(readable, tee, () => undefined);
    const next = await super.write(tee, id, offset);
    // Only when every byte written went through the hash, and nothing else was written.
    if (next === offset + seen) {
      state.offset = next;
      if (this.running.size >= MAX_RUNNING) this.running.delete(this.running.keys().next().value!);
      this.running.set(id, state);
    }
    return next;
  }

  /** The SHA-256 of the upload's `size` bytes when this process saw every one of them written; forgets it. */
  takeHash(id: string, size: number): string | null {
    const state = this.running.get(id);
    this.running.delete(id);
    return state && state.offset === size ? state.hash.digest('hex') : null;
  }

  override async remove(id: string): Promise<void> {
    this.running.delete(id);
    return super.remove(id);
  }
}
