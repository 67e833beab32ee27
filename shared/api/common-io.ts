// The two shapes many methods share: no input, and a bare acknowledgement.
import { z } from 'zod';

export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
