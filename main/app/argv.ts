// Command-line options of the desktop app. Chromium adds its own switches to argv, so this
// looks for ours wherever they are instead of parsing the whole line strictly.

/** `--data-dir=<path>` or `--data-dir <path>`; undefined when absent or empty. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === undefined) continue;
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || undefined;
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : undefined;
    }
  }
  return undefined;
}
