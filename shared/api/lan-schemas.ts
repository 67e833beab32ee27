// Office network mode (serving the office copy over the LAN): what the settings screen shows.
import { z } from 'zod';

export const lanStatus = z.object({
  /** False where this process cannot open a listener (e.g. a PC joined to another office server). */
  available: z.boolean(),
  enabled: z.boolean(),
  /** https://ADDR:PORT/ to type on the other PCs. */
  urls: z.array(z.string()),
  port: z.number().int().nullable(),
  /** 16 hex digits of the certificate's SHA-256 in four groups, to compare by eye or type when joining. */
  shortCode: z.string().nullable(),
  /** The full SHA-256 fingerprint (colon-separated hex), as browsers show it. */
  fingerprint: z.string().nullable(),
  remoteSessions: z.number().int(),
  /** When the status is read over the network, the caller's own view: turning access on or off is done at the serving PC. */
  viewedRemotely: z.boolean(),
});
export type LanStatus = z.infer<typeof lanStatus>;

export const lanDisabled = lanStatus.extend({ endedSessions: z.number().int() });

/** This desktop app's link to another PC's office server (joining, not serving). */
export const joinStatus = z.object({
  /** Only the desktop app can join (a browser simply opens the server's address). */
  available: z.boolean(),
  connected: z.boolean(),
  origin: z.string().nullable(),
  shortCode: z.string().nullable(),
});
export type JoinStatus = z.infer<typeof joinStatus>;

export const joinInput = z.object({
  address: z.string().trim().min(1).max(200),
  shortCode: z.string().trim().min(1).max(40),
});
