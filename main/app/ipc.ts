// The Electron side of the contract's IPC transport (DESIGN.md §3): one `ipcMain.handle` per
// method the router has, and AppEvents pushed to the window on the event channel.
import { ipcMain, type WebContents } from 'electron';
import { ipcChannel, eventChannel } from '../../shared/api/channels';
import type { EventBus } from '../services/events';
import { createIpcCalls, type Dispatcher } from './ipc-dispatch';

/** Registers the handlers; returns a function that removes them again. */
export function registerIpc(router: Dispatcher): () => void {
  const channels: string[] = [];
  for (const [name, call] of createIpcCalls(router)) {
    const channel = ipcChannel(name);
    // senderFrame is null when the frame has gone (navigated away or closed): refused as foreign.
    ipcMain.handle(channel, (event, envelope: unknown) => call(event.senderFrame?.url, envelope));
    channels.push(channel);
  }
  return () => channels.forEach((c) => ipcMain.removeHandler(c));
}

/** Sends every AppEvent to `contents` until it is destroyed; returns the unsubscribe function. */
export function forwardEvents(events: EventBus, contents: WebContents): () => void {
  const stop = events.on((e) => {
    if (!contents.isDestroyed()) contents.send(eventChannel, e);
  });
  contents.once('destroyed', stop);
  return stop;
}
