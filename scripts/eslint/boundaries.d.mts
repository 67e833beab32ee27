// Types for the local ESLint plugin (plain JS so eslint.config.mjs loads it without a TS loader).
import type { ESLint } from 'eslint';

export interface Zone {
  from: string;
  except?: string;
  forbid: (target: string) => boolean;
  why: string;
}
export const ZONES: Zone[];
declare const plugin: ESLint.Plugin;
export default plugin;
