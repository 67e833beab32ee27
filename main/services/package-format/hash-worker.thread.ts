// The code that runs inside the hash worker thread (see hash-worker.ts): one running SHA-256, fed
// in order by the messages below. Type-checked like the rest; the build compiles it on its own
// and embeds the output in the bundle (run with `eval`), so the packaged app needs no extra file
// (a worker script inside app.asar is not loadable everywhere); from source it runs as it is.
// Only node: imports and erasable TypeScript here: Node strips the types when tests load it.
import { parentPort } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

export type ToWorker =
  | { op: 'update'; data: Uint8Array }
  | { op: 'shared'; sab: SharedArrayBuffer; off: number; len: number }
  | { op: 'range'; file: string; start: number; end: number }
  | { op: 'digest' };

export type FromWorker =
  { op: 'ack' | 'progress'; bytes: number } | { op: 'sack' } | { op: 'digest'; hex: string } | { op: 'error'; message: string; code: string | null };

const CHUNK = 4 * 1024 * 1024;

function serve(port: NonNullable<typeof parentPort>): void {
  let h = createHash('sha256');
  let buf: Buffer | null = null;
  const send = (m: FromWorker) => port.postMessage(m);
  port.on('message', (m: ToWorker) => {
    try {
      if (m.op === 'update') {
        h.update(m.data);
        send({ op: 'ack', bytes: m.data.length });
      } else if (m.op === 'shared') {
        h.update(new Uint8Array(m.sab, m.off, m.len));
        send({ op: 'sack' });
      } else if (m.op === 'range') {
        buf ??= Buffer.allocUnsafe(CHUNK);
        const fd = openSync(m.file, 'r');
        try {
          let pos = m.start;
          while (pos < m.end) {
            const n = readSync(fd, buf, 0, Math.min(CHUNK, m.end - pos), pos);
            if (n === 0) throw Object.assign(new Error(`file ended at byte ${pos} of ${m.end}`), { code: 'ESHORT' });
            h.update(buf.subarray(0, n));
            pos += n;
            send({ op: 'progress', bytes: n });
          }
        } finally {
          closeSync(fd);
        }
      } else {
        send({ op: 'digest', hex: h.digest('hex') });
        h = createHash('sha256');
      }
    } catch (e) {
      const err = e as { message?: unknown; code?: unknown };
      send({ op: 'error', message: String(err?.message ?? e), code: typeof err?.code === 'string' ? err.code : null });
    }
  });
}

if (parentPort) serve(parentPort);
