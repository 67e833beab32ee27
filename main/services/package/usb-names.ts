// Names and sizes on a stick: what FAT32/NTFS and the provincial portal accept, and bytes as people read them.
/** FAT32 stores a file's size in 32 bits. */
export const FAT32_MAX_FILE_BYTES = 2 ** 32 - 1;
export const MAX_FILE_NAME_CHARS = 120;

/** 4,3 GB — decimal units (as printed on sticks) with a decimal comma. */
export function formatBytes(n: number): string {
  const units: [string, number][] = [
    ['KB', 1e3],
    ['MB', 1e6],
    ['GB', 1e9],
    ['TB', 1e12],
  ];
  if (n < 1000) return `${n} byte`;
  for (let i = 0; i < units.length; i++) {
    const [unit, f] = units[i]!;
    const v = Math.round((n / f) * 10) / 10;
    if (v < 1000 || i === units.length - 1) return `${v.toFixed(1).replace('.', ',')} ${unit}`;
  }
  return `${n} byte`;
}
