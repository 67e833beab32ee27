// A destination folder that does not exist: a typed path with a typo, or a stick that was pulled.
// Blaming the stick for a typo sends the officer looking for a problem that is not there, so the
// message follows what is still on disk above the missing folder.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/errors';
import { messages } from './messages';

/** Where removable drives are mounted: a missing child of one of these is a stick that is gone. */
const MOUNT_PARENTS = [/^\/media(\/[^/]+)?$/, /^\/run\/media\/[^/]+$/, /^\/mnt$/, /^\/Volumes$/];

/** True when `dir` looks like a drive that went away rather than a folder that was never there. */
export function looksLikeGoneDrive(dir: string, exists: (p: string) => boolean = existsSync, platform: NodeJS.Platform = process.platform): boolean {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const abs = p.resolve(dir);
  const root = p.parse(abs).root;
  // On Windows a missing drive letter (E:\) is a pulled stick; E:\typo on a present E: is a typo.
  if (platform === 'win32') return !exists(root);
  let cur = abs;
  while (!exists(cur) && cur !== root) cur = p.dirname(cur);
  if (cur === abs) return false;
  return MOUNT_PARENTS.some((re) => re.test(cur));
}

/** The error for a destination that is not there, blaming the right thing. */
export function missingDestination(dir: string, exists?: (p: string) => boolean, platform?: NodeJS.Platform): ApiError {
  return new ApiError('NOT_FOUND', looksLikeGoneDrive(dir, exists, platform) ? messages.destMissing(dir) : messages.folderMissing(dir));
}
