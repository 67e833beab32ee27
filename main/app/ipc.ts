// The Electron side of the contract's IPC transport (DESIGN.md §3): one `ipcMain.handle` per
// method the router has, and AppEvents pushed to the window on the event channel.
import { ipcMain } from 'electron';
import { ipcChannel, eventChannel, uploadChannel } from '../../shared/api/channels';
import type { Services } from '../services/context';
import type { EventBus } from '../services/events';
import { createIpcCalls, type Dispatcher } from './ipc-dispatch';
import { receiveIpcUpload, type RemoteUpload } from './ipc-upload';

/** Registers the handlers (the router's methods and uploads); returns a function that removes them. */
export function registerIpc(router: Dispatcher, services: Services, remoteUpload?: RemoteUpload): () => void {
  const channels: string[] = [uploadChannel];
  ipcMain.handle(uploadChannel, (event, raw: unknown) => receiveIpcUpload(services, event.senderFrame?.url, raw, remoteUpload));
  for (const [name, call] of createIpcCalls(router)) {
    const channel = ipcChannel(name);
    // senderFrame is null when the frame has gone (navigated away or closed): refused as foreign.
    ipcMain.handle(channel, (event, envelope: unknown) => call(event.senderFrame?.url, envelope));
    channels.push(channel);
  }
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}

/** The part of a window's WebContents that event forwarding uses. */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** Sends every AppEvent to `contents` until it is destroyed; returns the unsubscribe function. */
export function forwardEvents(events: EventBus, contents: EventSink): () => void {
  const stop = events.on((e) => {
    if (!contents.isDestroyed()) contents.send(eventChannel, e);
  });
  contents.once('destroyed', stop);
  return stop;
}
