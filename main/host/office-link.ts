// The desktop app joined to another PC's office server: the pinned server is remembered in the
// data folder (office-server.json: address, fingerprint, certificate), every call of the window
// goes to it over HTTPS instead of to the local database (the same contract and router — one more
// transport), uploads too, and its event stream is relayed to the window. Methods about the link
// itself (join.*) stay local. Plain Node: the Electron shell only plugs it in (main/app/main.ts).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Services } from '../services/context';
import { registerOfficeLink } from '../services/office-link';
import type { JoinStatus } from '../../shared/api/lan-schemas';
import type { AppEvent } from '../../shared/api/events';
import { ApiError, type Result } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { pinServer, RemoteClient, type PinnedServer } from './remote-client';
import { shortCodeOf } from './lan-cert';
import { createLogger } from '../services/log';

const log = createLogger('office-link');
export const LINK_FILE = 'office-server.json';
const pinnedFile = z.object({ origin: z.string().url(), fingerprint: z.string().regex(/^[0-9a-f]{64}$/), certPem: z.string() });

/** The router as the IPC transport uses it (structurally: main/app/ipc-dispatch.ts's Dispatcher). */
export interface LinkDispatcher {
  names(): string[];
  dispatch(name: string, rawInput: unknown, call: { token?: string | undefined; client?: string | undefined }): Promise<Result<unknown>>;
}

/** A call that could not reach the server: marked by an issue on `connection` so the window can say "disconnected". */
const unreachable = (e: unknown): Result<never> => {
  const message = e instanceof ApiError ? e.message : vi.officeNetwork.unreachable('');
  return { ok: false, error: { code: e instanceof ApiError ? e.code : 'INTERNAL', message, issues: [{ path: 'connection', message }] } };
};

export interface OfficeLink {
  client(): RemoteClient | null;
  /** The window's calls: to the joined server when there is one, else to the local router. */
  dispatcher(local: LinkDispatcher): LinkDispatcher;
  /** The window's uploads when joined (null: store locally). */
  upload(name: string, data: Uint8Array): Promise<Result<{ uploadId: string; name: string; size: number; sha256: string }>> | null;
  close(): void;
}

export function createOfficeLink(s: Services): OfficeLink {
  const file = path.join(s.dataDir, LINK_FILE);
  let pinned: PinnedServer | null = null;
  try {
    if (existsSync(file)) pinned = pinnedFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    log.warn('office-server.json unreadable: not joined', { error: String(e) });
  }
  let client: RemoteClient | null = pinned ? new RemoteClient(pinned) : null;
  let relay = client ? relayEvents(client, s) : null;

  const status = (): JoinStatus => ({
    available: true,
    connected: pinned !== null,
    origin: pinned?.origin ?? null,
    shortCode: pinned ? shortCodeOf(pinned.fingerprint) : null,
  });
  const drop = () => {
    relay?.stop();
    relay = null;
    client?.close();
    client = null;
    pinned = null;
  };
  registerOfficeLink(s, {
    status,
    connect: async (address, shortCode) => {
      const next = await pinServer(address, shortCode);
      drop();
      writeFileSync(file, JSON.stringify(next, null, 2), { mode: 0o600 });
      pinned = next;
      client = new RemoteClient(next);
      relay = relayEvents(client, s);
      return status();
    },
    disconnect: async () => {
      drop();
      rmSync(file, { force: true });
      return Promise.resolve(status());
    },
  });

  return {
    client: () => client,
    dispatcher: (local) => ({
      names: () => local.names(),
      dispatch: async (name, input, call) => {
        const c = client;
        if (!c || name.startsWith('join.')) return local.dispatch(name, input, call);
        const r = await c.invoke(name, input).catch(unreachable);
        // Logged in: follow the server's events from now on, not at the next retry.
        if (name === 'auth.login' && r.ok) relay?.kick();
        return r;
      },
    }),
    upload: (name, data) => (client ? client.upload(Buffer.from(data.buffer, data.byteOffset, data.byteLength), name).catch(unreachable) : null),
    close: drop,
  };
}

/** Relays the server's event stream into this app's bus (the window follows it as it would locally). */
function relayEvents(client: RemoteClient, s: Services): { stop(): void; kick(): void } {
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let current: { destroy(): void } | null = null;
  const again = () => {
    if (!closed) timer = setTimeout(() => void open(), 3_000);
  };
  const open = async () => {
    try {
      if (!client.loggedIn) return again();
      const r = await client.invoke<{ ticket: string }>('events.ticket', {});
      if (!r.ok) return again();
      const res = await client.openStream(`/api/events?ticket=${encodeURIComponent(r.value.ticket)}`);
      if (res.statusCode !== 200) {
        res.resume();
        return again();
      }
      current = res;
      res.on('close', () => (current = null));
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block.startsWith('data: ') ? block.slice(6) : null;
          if (data) s.events.emit(JSON.parse(data) as AppEvent);
        }
      });
      res.on('close', again);
    } catch {
      again();
    }
  };
  void open();
  return {
    stop: () => {
      closed = true;
      clearTimeout(timer);
      current?.destroy();
    },
    kick: () => {
      if (current || closed) return;
      clearTimeout(timer);
      void open();
    },
  };
}
