// The sandboxed preload: the only code with both the page and IPC in reach. It exposes exactly
// `window.kiemchung = { invoke, upload, on }` (KiemchungBridge) — never ipcRenderer itself, so
// the page can reach no channel but the contract's methods and the upload. Bundled to CommonJS
// (sandboxed preloads cannot be ESM), and kept light: channel names and the message catalogue,
// no zod, no contract object.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { IpcEnvelope, KiemchungBridge } from '../shared/api/bridge';
import type { UploadResult } from '../shared/api/assessment-schemas';
import type { AppEvent } from '../shared/api/events';
import type { Result } from '../shared/errors';
import { ipcChannel, eventChannel, uploadChannel } from '../shared/api/channels';
import { viBridge } from '../shared/i18n/vi/bridge';

/** `area.method`, as every contract name is; anything else never reaches IPC. */
const METHOD_NAME = /^[a-z]+\.[a-zA-Z]+$/;

const bridge = {
  async invoke(method: string, input: unknown, session: string | null): Promise<Result<unknown>> {
    if (typeof method !== 'string' || !METHOD_NAME.test(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: viBridge.unknownMethod(String(method)) } };
    }
    const envelope: IpcEnvelope = { input, session: typeof session === 'string' ? session : null };
    try {
      // Main answers every call with a Result value; a rejection means no handler for the name
      // or an input that cannot be cloned — reported like the HTTP transport's network failure.
      const result = (await ipcRenderer.invoke(ipcChannel(method), envelope)) as Result<unknown>;
      return result;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: viBridge.network } };
    }
  },
  async upload(name: string, data: ArrayBuffer, session: string | null): Promise<Result<UploadResult>> {
    const failed: Result<UploadResult> = { ok: false, error: { code: 'INTERNAL', message: viBridge.uploadFailed } };
    // `data` is checked in main: an ArrayBuffer from the page's realm may fail `instanceof` here.
    if (typeof name !== 'string') return failed;
    try {
      // The bytes are copied to main (structured clone); main hashes and stores them.
      const result = (await ipcRenderer.invoke(uploadChannel, { name, data, session: typeof session === 'string' ? session : null })) as Result<UploadResult>;
      return result;
    } catch {
      return failed;
    }
  },
  on(listener: (e: AppEvent) => void): () => void {
    // Only the payload reaches the page: the IpcRendererEvent carries `sender` (ipcRenderer).
    const handler = (_event: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(eventChannel, handler);
    return () => {
      ipcRenderer.removeListener(eventChannel, handler);
    };
  },
} satisfies KiemchungBridge;

contextBridge.exposeInMainWorld('kiemchung', bridge);
