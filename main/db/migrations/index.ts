// Forward-only numbered migrations in a static list (a folder read at run time is unreliable
// inside a packaged app). Append new ones; never edit or reorder shipped ones.
import type { Migration } from './types';
import { m001Initial } from './001-initial';
import { m002Assessment } from './002-assessment';
import { m003Exams } from './003-exams';
import { m004Packages } from './004-packages';

export const migrations: readonly Migration[] = [m001Initial, m002Assessment, m003Exams, m004Packages];
export type { Migration };
