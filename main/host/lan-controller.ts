// Starts and stops the office network listener on request (Cài đặt, or `serve --lan`), creating
// the TLS identity on first use. Registered with the services so the API can drive it.
import type { Router } from '../api/router';
import type { Services } from '../services/context';
import { registerLanControl, type LanListenerControl } from '../services/lan-access';
import { ApiError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { ensureLanIdentity, type LanIdentity } from './lan-cert';
import { lanAddresses, startLanServer, type LanServer } from './lan-server';
import { createLogger } from '../services/log';

const log = createLogger('lan');
export const DEFAULT_LAN_PORT = 4343;

export interface LanControllerOptions {
  services: Services;
  router: Router;
  rendererDir: string;
  host?: string | undefined;
  port?: number | undefined;
}

export function createLanController(opts: LanControllerOptions): LanListenerControl {
  let server: LanServer | null = null;
  let identity: LanIdentity | null = null;
  let starting: Promise<void> | null = null;
  let boundPort: number | null = null;
  const control: LanListenerControl = {
    state: () => ({
      running: server !== null,
      urls: server?.urls() ?? [],
      port: server?.port ?? null,
      fingerprint: identity?.fingerprint ?? null,
      shortCode: identity?.shortCode ?? null,
    }),
    start: () => {
      if (server) return Promise.resolve();
      starting ??= (async () => {
        identity = ensureLanIdentity(opts.services.dataDir, opts.host ? [opts.host] : lanAddresses());
        // Port 0 (tests) picks a free port once; turning access off and on again keeps it, so pins and bookmarks hold.
        const port = boundPort ?? opts.port ?? DEFAULT_LAN_PORT;
        try {
          server = await startLanServer({ ...opts, identity, port });
          boundPort = server.port;
          log.info('office network listener started', { urls: server.urls() });
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE') throw new ApiError('CONFLICT', vi.officeNetwork.portInUse(port));
          if (code === 'EADDRNOTAVAIL') throw new ApiError('CONFLICT', vi.officeNetwork.badAddress(opts.host ?? ''));
          throw e;
        }
      })().finally(() => (starting = null));
      return starting;
    },
    stop: async () => {
      const s = server;
      server = null;
      if (s) await s.close();
    },
  };
  registerLanControl(opts.services, control);
  return control;
}
