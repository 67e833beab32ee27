// Where a package can be written: mounted USB sticks and memory cards, plus folders the user
// picked. Listing is best-effort and read-only: a missing /proc/mounts, no `wmic`, an empty
// card reader all just mean fewer (or no) entries — never an error, and an entry that vanished
// says nothing about the files that were on it.
import { execFile } from 'node:child_process';
import { readFile, readdir, realpath, statfs as fsStatfs } from 'node:fs/promises';
import path from 'node:path';
import { viShell } from '../../../shared/i18n/vi/shell';

export interface Drive {
  /** Folder to write into: a mount point, a drive root ("E:\") or a folder the user picked. */
  path: string;
  label: string;
  fsType: string | null;
  removable: boolean;
  freeBytes: number | null;
  totalBytes: number | null;
  /** FAT32 (or older FAT): no file may exceed 4 GiB − 1. */
  fat32: boolean;
}

export const messages = viShell.drives;

/** The subset of fs.statfs the listing needs (injectable so tests need no real mounts). */
export interface StatFsLike {
  bsize: number;
  bavail: number;
  blocks: number;
}
export type StatFsFn = (p: string) => Promise<StatFsLike>;
/** Runs a command and resolves its stdout; rejects when the command is missing or fails. */
export type CommandRunner = (cmd: string, args: string[]) => Promise<string>;

export interface ListDrivesOptions {
  platform?: NodeJS.Platform;
  /** Linux: the mount table to read (default /proc/mounts). */
  mountsFile?: string;
  extraFolders?: string[];
  /** macOS: where volumes are mounted (default /Volumes). */
  volumesDir?: string;
  run?: CommandRunner;
  statfs?: StatFsFn;
}

export interface MountEntry {
  device: string;
  mountPoint: string;
  fsType: string;
}

/** FAT12/16/32 under the names each OS reports (vfat on Linux, msdos on macOS, FAT32 on Windows). */
export function isFat32(fsType: string | null | undefined): boolean {
  return !!fsType && /^(v?fat(12|16|32)?|msdos)$/i.test(fsType);
}

/** /proc/mounts escapes space, tab, newline and backslash as \040, \011, \012, \134. */
export function decodeMountPath(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

export function parseProcMounts(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 3 || !f[0] || !f[1] || !f[2]) continue;
    out.push({ device: decodeMountPath(f[0]), mountPoint: decodeMountPath(f[1]), fsType: f[2] });
  }
  return out;
}

/** `mount` on macOS: "/dev/disk2s1 on /Volumes/NO NAME (msdos, local, nodev, nosuid, noowners)". */
export function parseMacMount(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^(.*?) on (.*) \(([^,()]+)(?:,[^()]*)?\)\s*$/.exec(line.trim());
    if (m) out.push({ device: m[1]!, mountPoint: m[2]!, fsType: m[3]!.trim() });
  }
  return out;
}

export interface WindowsDisk {
  /** "E:" */
  deviceId: string;
  /** Win32_LogicalDisk.DriveType: 2 removable, 3 local, 4 network, 5 CD-ROM. */
  driveType: number | null;
  fileSystem: string | null;
  volumeName: string | null;
}

/**
 * Output of `wmic logicaldisk get DeviceID,DriveType,FileSystem,VolumeName` (fixed-width columns
 * placed by the header; blank cells for a card reader without a card) or the same properties as
 * CSV (`wmic … /format:csv`, PowerShell `ConvertTo-Csv`).
 */
export function parseWmicLogicalDisk(text: string): WindowsDisk[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r*\n/)
    .filter((l) => l.trim() !== '');
  const headerAt = lines.findIndex((l) => /DeviceID/i.test(l));
  if (headerAt < 0) return [];
  const header = lines[headerAt]!;
  const rows = lines.slice(headerAt + 1);
  const disk = (get: (col: string) => string | undefined): WindowsDisk | null => {
    const id = get('DeviceID')?.trim().toUpperCase();
    if (!id || !/^[A-Z]:$/.test(id)) return null;
    const type = Number.parseInt(get('DriveType')?.trim() ?? '', 10);
    return {
      deviceId: id,
      driveType: Number.isFinite(type) ? type : null,
      fileSystem: get('FileSystem')?.trim() || null,
      volumeName: get('VolumeName')?.trim() || null,
    };
  };
  const out: WindowsDisk[] = [];
  if (header.includes(',')) {
    const cols = splitCsv(header).map((c) => c.trim().toLowerCase());
    for (const r of rows) {
      const cells = splitCsv(r);
      const d = disk((col) => cells[cols.indexOf(col.toLowerCase())]);
      if (d) out.push(d);
    }
    return out;
  }
  // Fixed width: each column starts where its header word starts; a volume name may hold spaces.
  const starts = [...header.matchAll(/\S+/g)].map((m) => ({ name: m[0].toLowerCase(), at: m.index }));
  for (const r of rows) {
    const d = disk((col) => {
      const i = starts.findIndex((s) => s.name === col.toLowerCase());
      if (i < 0) return undefined;
      return r.slice(starts[i]!.at, starts[i + 1]?.at ?? r.length);
    });
    if (d) out.push(d);
  }
  return out;
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** stdout of a short command; wmic writes UTF-16 when it feels like it, so sniff before decoding. */
export const defaultRunner: CommandRunner = (cmd, args) =>
  new Promise((resolve, reject) => {
    execFile(cmd, args, { encoding: 'buffer', timeout: 10_000, windowsHide: true, maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) return reject(err instanceof Error ? err : new Error('execFile'));
      const b = stdout;
      const utf16 = (b[0] === 0xff && b[1] === 0xfe) || (b.length > 3 && b[1] === 0 && b[3] === 0);
      resolve(utf16 ? b.toString('utf16le') : b.toString('utf8'));
    });
  });

const defaultStatfs: StatFsFn = (p) => fsStatfs(p);

async function space(p: string, statfs: StatFsFn): Promise<{ freeBytes: number; totalBytes: number } | null> {
  try {
    const s = await statfs(p);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
  } catch {
    return null; // gone, no permission or an empty card reader: not a place to write to
  }
}

const under = (p: string, mountPoint: string, sep: string) => p === mountPoint || p.startsWith(mountPoint.endsWith(sep) ? mountPoint : mountPoint + sep);

/** The mount holding p: the longest mount point that is p or one of its parents. */
export function mountFor(p: string, mounts: MountEntry[], sep = '/'): MountEntry | null {
  let best: MountEntry | null = null;
  for (const m of mounts) if (under(p, m.mountPoint, sep) && (!best || m.mountPoint.length > best.mountPoint.length)) best = m;
  return best;
}

async function linuxMounts(file: string): Promise<MountEntry[]> {
  return parseProcMounts(await readFile(file, 'utf8').catch(() => ''));
}

async function macMounts(run: CommandRunner): Promise<MountEntry[] | null> {
  try {
    return parseMacMount(await run('mount', []));
  } catch {
    return null;
  }
}

async function windowsDisks(run: CommandRunner): Promise<WindowsDisk[]> {
  try {
    return parseWmicLogicalDisk(await run('wmic', ['logicaldisk', 'get', 'DeviceID,DriveType,FileSystem,VolumeName']));
  } catch {
    // wmic is gone from recent Windows 11; the same WMI class through PowerShell.
    try {
      const ps =
        '[Console]::OutputEncoding=[Text.Encoding]::UTF8; Get-CimInstance Win32_LogicalDisk | ' +
        'Select-Object DeviceID,DriveType,FileSystem,VolumeName | ConvertTo-Csv -NoTypeInformation';
      return parseWmicLogicalDisk(await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', ps]));
    } catch {
      return [];
    }
  }
}

const driveOf = (p: string) => /^([a-zA-Z]):/.exec(p)?.[1]?.toUpperCase() ?? null;

function drive(p: string, label: string, fsType: string | null, removable: boolean, s: { freeBytes: number; totalBytes: number } | null): Drive {
  return { path: p, label, fsType, removable, freeBytes: s?.freeBytes ?? null, totalBytes: s?.totalBytes ?? null, fat32: isFat32(fsType) };
}

export async function listDrives(opts: ListDrivesOptions = {}): Promise<Drive[]> {
  const platform = opts.platform ?? process.platform;
  const statfs = opts.statfs ?? defaultStatfs;
  const run = opts.run ?? defaultRunner;
  const extras = [...new Set(opts.extraFolders ?? [])];
  let found: Drive[] = [];
  let fsTypeOf: (p: string) => string | null = () => null;

  if (platform === 'win32') {
    const letters = 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('');
    const [disks, spaces] = await Promise.all([windowsDisks(run), Promise.all(letters.map((l) => space(`${l}:\\`, statfs)))]);
    const info = new Map(disks.map((d) => [d.deviceId, d]));
    letters.forEach((l, i) => {
      const s = spaces[i];
      const d = info.get(`${l}:`);
      if (!s || d?.driveType === 5) return; // absent, no medium, or a CD/DVD drive
      const label = d?.volumeName ? messages.namedDrive(d.volumeName, `${l}:`) : messages.driveLetter(`${l}:`);
      found.push(drive(`${l}:\\`, label, d?.fileSystem ?? null, d?.driveType === 2, s));
    });
    fsTypeOf = (p) => {
      const l = driveOf(p);
      return (l && info.get(`${l}:`)?.fileSystem) || null;
    };
  } else if (platform === 'darwin') {
    const volumesDir = opts.volumesDir ?? '/Volumes';
    const [names, mounts] = await Promise.all([readdir(volumesDir).catch(() => [] as string[]), macMounts(run)]);
    const rootDevice = mounts?.find((m) => m.mountPoint === '/')?.device;
    const candidates = await Promise.all(
      names
        .filter((n) => !n.startsWith('.'))
        .map(async (n) => {
          const p = path.join(volumesDir, n);
          // The boot volume appears as /Volumes/Macintosh HD → /.
          if ((await realpath(p).catch(() => null)) === '/') return null;
          const m = mounts?.find((e) => e.mountPoint === p);
          // A folder in /Volumes that is not mounted is a stale leftover on the boot disk.
          if (mounts && (!m || m.device === rootDevice)) return null;
          const s = await space(p, statfs);
          return s ? drive(p, n, m?.fsType ?? null, true, s) : null;
        }),
    );
    found = candidates.filter((d): d is Drive => d !== null);
    fsTypeOf = (p) => (mounts && mountFor(p, mounts)?.fsType) || null;
  } else {
    const mounts = await linuxMounts(opts.mountsFile ?? '/proc/mounts');
    const byPoint = new Map(mounts.map((m) => [m.mountPoint, m])); // a later mount on the same point hides the earlier
    const removable = [...byPoint.values()].filter(
      // Optical discs are mounted there too but can never be written by a file copy.
      (m) => (m.mountPoint.startsWith('/media/') || m.mountPoint.startsWith('/run/media/')) && !/^(iso9660|udf)$/.test(m.fsType),
    );
    const candidates = await Promise.all(
      removable.map(async (m) => {
        const s = await space(m.mountPoint, statfs);
        return s ? drive(m.mountPoint, path.posix.basename(m.mountPoint), m.fsType, true, s) : null;
      }),
    );
    found = candidates.filter((d): d is Drive => d !== null);
    fsTypeOf = (p) => mountFor(p, [...byPoint.values()])?.fsType ?? null;
  }

  const seen = new Set(found.map((d) => d.path));
  for (const folder of extras) {
    if (seen.has(folder)) continue;
    const s = await space(folder, statfs);
    if (!s) continue;
    seen.add(folder);
    const base = platform === 'win32' ? path.win32.basename(folder) : path.posix.basename(folder);
    found.push(drive(folder, base || folder, fsTypeOf(folder), false, s));
  }
  return found;
}

/** The file system type holding dir (e.g. "vfat", "FAT32", "msdos"), or null when it cannot be told. */
export async function detectFsType(dir: string, opts: Pick<ListDrivesOptions, 'platform' | 'mountsFile' | 'run'> = {}): Promise<string | null> {
  const platform = opts.platform ?? process.platform;
  const run = opts.run ?? defaultRunner;
  try {
    if (platform === 'win32') {
      const l = driveOf(path.win32.resolve(dir));
      return (l && (await windowsDisks(run)).find((d) => d.deviceId === `${l}:`)?.fileSystem) || null;
    }
    const real = await realpath(dir).catch(() => path.resolve(dir));
    const mounts = platform === 'darwin' ? await macMounts(run) : await linuxMounts(opts.mountsFile ?? '/proc/mounts');
    return (mounts && mountFor(real, mounts)?.fsType) || null;
  } catch {
    return null;
  }
}
