// Channel names of the Electron transport, kept apart from contract.ts so the sandboxed preload
// can import them without pulling zod and every schema into its bundle.

/** The IPC channel main registers with `ipcMain.handle` for one contract method. */
export const ipcChannel = (m: string) => `api:${m}`;
/** The channel main pushes AppEvents on (`webContents.send`). */
export const eventChannel = 'kiemchung:event';
/** The channel a file's bytes travel on from the preload's `upload` to main's upload store. */
export const uploadChannel = 'kiemchung:upload';
