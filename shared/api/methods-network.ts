// API methods: office network mode (main/host/lan-*.ts). Merged into the one contract by ./contract.ts.
import { method } from './define';
import { empty } from './common-io';
import * as lan from './lan-schemas';

export const networkMethods = {
  // Office network mode: this PC serves the office copy to the other PCs over HTTPS (main/host/lan-*.ts)
  'lan.status': method(empty, lan.lanStatus),
  /** Opens the HTTPS listener (and keeps it on across restarts). Only at the serving PC itself. */
  'lan.enable': method(empty, lan.lanStatus),
  /** Closes the listener and ends every session opened over the network. Only at the serving PC itself. */
  'lan.disable': method(empty, lan.lanDisabled),
  /** The desktop app joined to another PC's office server (answered by this PC, never forwarded). */
  'join.status': method(empty, lan.joinStatus),
  /** Pins the server's certificate after checking it against the short code; the app then works against that server. */
  'join.connect': method(lan.joinInput, lan.joinStatus),
  'join.disconnect': method(empty, lan.joinStatus),
} as const;
