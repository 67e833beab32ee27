// Where a package can be written: the mount table on Linux, wmic/PowerShell on Windows,
// /Volumes on macOS — all from fixtures and injected runners, no real sticks needed.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  decodeMountPath,
  detectFsType,
  isFat32,
  listDrives,
  parseMacMount,
  parseProcMounts,
  parseWmicLogicalDisk,
  type CommandRunner,
  type StatFsFn,
} from '../../main/services/usb/drives';

const PROC_MOUNTS = [
  'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
  'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
  '/dev/nvme0n1p2 / ext4 rw,relatime,errors=remount-ro 0 0',
  '/dev/nvme0n1p1 /boot/efi vfat rw,relatime,fmask=0077,dmask=0077 0 0',
  'tmpfs /run/user/1000 tmpfs rw,nosuid,nodev,relatime,size=1631112k,mode=700,uid=1000,gid=1000 0 0',
  '/dev/sdb1 /media/user/KINGSTON vfat rw,nosuid,nodev,relatime,uid=1000,gid=1000,fmask=0022,dmask=0022,codepage=437,iocharset=utf8,shortname=mixed,showexec,utf8,flush,errors=remount-ro 0 0',
  '/dev/sdc1 /run/media/an/SANDISK exfat rw,nosuid,nodev,relatime,uid=1000,gid=1000,fmask=0022,dmask=0022,iocharset=utf8,errors=remount-ro 0 0',
  '/dev/sdd1 /media/user/USB\\040DISK fuseblk rw,nosuid,nodev,relatime,user_id=0,group_id=0,allow_other 0 0',
  '/dev/sde1 /media/user/Thẻ\\040nhớ ntfs3 rw,nosuid,nodev,relatime,uid=1000 0 0',
  '/dev/sdf1 /media/user/GONE vfat rw 0 0',
  '/dev/sr0 /media/user/DVD iso9660 ro,nosuid,nodev,relatime,nojoliet,check=s,map=n,blocksize=2048 0 0',
  '',
].join('\n');

const GiB = 2 ** 30;
/** statfs that knows a few paths; anything else is absent (like a pulled stick). */
const fakeStatfs =
  (known: Record<string, { freeGiB: number; totalGiB: number }>): StatFsFn =>
  async (p) => {
    const k = known[p];
    if (!k) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    return { bsize: 4096, bavail: (k.freeGiB * GiB) / 4096, blocks: (k.totalGiB * GiB) / 4096 };
  };

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'kc-drives-'));

describe('Linux mount table', () => {
  it('parses /proc/mounts and decodes octal escapes', () => {
    const m = parseProcMounts(PROC_MOUNTS);
    expect(m).toHaveLength(11);
    expect(m.find((e) => e.device === '/dev/sdd1')).toEqual({ device: '/dev/sdd1', mountPoint: '/media/user/USB DISK', fsType: 'fuseblk' });
    expect(m.find((e) => e.device === '/dev/sde1')?.mountPoint).toBe('/media/user/Thẻ nhớ');
    expect(decodeMountPath('a\\040b\\011c\\134d')).toBe('a b\tc\\d');
  });

  it('lists mounts under /media and /run/media as removable, with fs type, space and the FAT32 flag', async () => {
    const dir = tmp();
    const mountsFile = path.join(dir, 'mounts');
    writeFileSync(mountsFile, PROC_MOUNTS);
    const drives = await listDrives({
      platform: 'linux',
      mountsFile,
      extraFolders: ['/home/user/Nop ho so', '/media/user/KINGSTON/CCHC 2026', '/khong/co'],
      statfs: fakeStatfs({
        '/': { freeGiB: 100, totalGiB: 250 },
        '/media/user/KINGSTON': { freeGiB: 7, totalGiB: 8 },
        '/run/media/an/SANDISK': { freeGiB: 60, totalGiB: 64 },
        '/media/user/USB DISK': { freeGiB: 1, totalGiB: 16 },
        '/media/user/Thẻ nhớ': { freeGiB: 2, totalGiB: 32 },
        '/media/user/DVD': { freeGiB: 0, totalGiB: 4 },
        '/home/user/Nop ho so': { freeGiB: 100, totalGiB: 250 },
        '/media/user/KINGSTON/CCHC 2026': { freeGiB: 7, totalGiB: 8 },
      }),
    });
    expect(drives).toEqual([
      { path: '/media/user/KINGSTON', label: 'KINGSTON', fsType: 'vfat', removable: true, freeBytes: 7 * GiB, totalBytes: 8 * GiB, fat32: true },
      { path: '/run/media/an/SANDISK', label: 'SANDISK', fsType: 'exfat', removable: true, freeBytes: 60 * GiB, totalBytes: 64 * GiB, fat32: false },
      { path: '/media/user/USB DISK', label: 'USB DISK', fsType: 'fuseblk', removable: true, freeBytes: 1 * GiB, totalBytes: 16 * GiB, fat32: false },
      { path: '/media/user/Thẻ nhớ', label: 'Thẻ nhớ', fsType: 'ntfs3', removable: true, freeBytes: 2 * GiB, totalBytes: 32 * GiB, fat32: false },
      // Picked folders: not removable; fs type from the longest matching mount point.
      { path: '/home/user/Nop ho so', label: 'Nop ho so', fsType: 'ext4', removable: false, freeBytes: 100 * GiB, totalBytes: 250 * GiB, fat32: false },
      { path: '/media/user/KINGSTON/CCHC 2026', label: 'CCHC 2026', fsType: 'vfat', removable: false, freeBytes: 7 * GiB, totalBytes: 8 * GiB, fat32: true },
    ]);
    // The root file system and /boot/efi (vfat, but not under /media) are not offered as sticks.
    expect(drives.find((d) => d.path === '/' || d.path === '/boot/efi')).toBeUndefined();
    // A mount whose folder cannot be read (GONE) is just left out.
    expect(drives.find((d) => d.label === 'GONE')).toBeUndefined();
    // Nor is a DVD.
    expect(drives.find((d) => d.label === 'DVD')).toBeUndefined();
    rmSync(dir, { recursive: true });
  });

  it('a missing or empty mount table is an empty list, not an error', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'empty'), '');
    expect(await listDrives({ platform: 'linux', mountsFile: path.join(dir, 'nope'), statfs: fakeStatfs({}) })).toEqual([]);
    expect(await listDrives({ platform: 'linux', mountsFile: path.join(dir, 'empty'), statfs: fakeStatfs({}) })).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  it('detectFsType finds the mount holding a folder', async () => {
    const dir = tmp();
    const mountsFile = path.join(dir, 'mounts');
    writeFileSync(mountsFile, `/dev/sdz1 ${dir.replace(/ /g, '\\040')} vfat rw 0 0\n/dev/vda / ext4 rw 0 0\n`);
    mkdirSync(path.join(dir, 'sub'));
    expect(await detectFsType(path.join(dir, 'sub'), { platform: 'linux', mountsFile })).toBe('vfat');
    expect(await detectFsType(os.homedir(), { platform: 'linux', mountsFile })).toBe('ext4');
    rmSync(dir, { recursive: true });
  });
});

describe('Windows drive letters', () => {
  // What `wmic logicaldisk get DeviceID,DriveType,FileSystem,VolumeName` prints through a pipe.
  const WMIC = [
    'DeviceID  DriveType  FileSystem  VolumeName  ',
    'C:        3          NTFS        Windows     ',
    'D:        5                                  ',
    'E:        2          FAT32       KINGSTON    ',
    'F:        2          exFAT       USB DISK 64 ',
    'G:        3          NTFS                    ',
    'H:        2                                  ',
    '',
    '',
  ].join('\r\r\n');
  const statfs = fakeStatfs({
    'C:\\': { freeGiB: 50, totalGiB: 237 },
    'D:\\': { freeGiB: 0, totalGiB: 4 },
    'E:\\': { freeGiB: 3, totalGiB: 4 },
    'F:\\': { freeGiB: 60, totalGiB: 64 },
    'G:\\': { freeGiB: 400, totalGiB: 931 },
    'E:\\Nop ho so': { freeGiB: 3, totalGiB: 4 },
  });

  it('parses fixed-width wmic output, blank cells and volume names with spaces included', () => {
    expect(parseWmicLogicalDisk(WMIC)).toEqual([
      { deviceId: 'C:', driveType: 3, fileSystem: 'NTFS', volumeName: 'Windows' },
      { deviceId: 'D:', driveType: 5, fileSystem: null, volumeName: null },
      { deviceId: 'E:', driveType: 2, fileSystem: 'FAT32', volumeName: 'KINGSTON' },
      { deviceId: 'F:', driveType: 2, fileSystem: 'exFAT', volumeName: 'USB DISK 64' },
      { deviceId: 'G:', driveType: 3, fileSystem: 'NTFS', volumeName: null },
      { deviceId: 'H:', driveType: 2, fileSystem: null, volumeName: null },
    ]);
  });

  it('lists D:–Z: that exist, removable from DriveType 2, FAT32 flagged; skips CD drives and empty card readers', async () => {
    const calls: string[] = [];
    const run: CommandRunner = async (cmd, args) => {
      calls.push([cmd, ...args].join(' '));
      return WMIC;
    };
    const drives = await listDrives({ platform: 'win32', run, statfs, extraFolders: ['E:\\Nop ho so'] });
    expect(calls).toEqual(['wmic logicaldisk get DeviceID,DriveType,FileSystem,VolumeName']);
    expect(drives).toEqual([
      { path: 'E:\\', label: 'KINGSTON (E:)', fsType: 'FAT32', removable: true, freeBytes: 3 * GiB, totalBytes: 4 * GiB, fat32: true },
      { path: 'F:\\', label: 'USB DISK 64 (F:)', fsType: 'exFAT', removable: true, freeBytes: 60 * GiB, totalBytes: 64 * GiB, fat32: false },
      { path: 'G:\\', label: 'Ổ đĩa G:', fsType: 'NTFS', removable: false, freeBytes: 400 * GiB, totalBytes: 931 * GiB, fat32: false },
      { path: 'E:\\Nop ho so', label: 'Nop ho so', fsType: 'FAT32', removable: false, freeBytes: 3 * GiB, totalBytes: 4 * GiB, fat32: true },
    ]);
  });

  it('falls back to PowerShell CSV when wmic is missing, and to bare letters when both are', async () => {
    const csv = '"DeviceID","DriveType","FileSystem","VolumeName"\r\n"E:","2","FAT32","KINGSTON"\r\n"G:","3","NTFS",""\r\n';
    const run: CommandRunner = async (cmd) => {
      if (cmd === 'wmic') throw Object.assign(new Error('spawn wmic ENOENT'), { code: 'ENOENT' });
      return csv;
    };
    const drives = await listDrives({ platform: 'win32', run, statfs });
    expect(drives.map((d) => [d.path, d.removable, d.fsType])).toEqual([
      ['D:\\', false, null],
      ['E:\\', true, 'FAT32'],
      ['F:\\', false, null],
      ['G:\\', false, 'NTFS'],
    ]);
    const none = await listDrives({
      platform: 'win32',
      run: async () => {
        throw new Error('no');
      },
      statfs,
    });
    expect(none.map((d) => [d.path, d.label, d.removable, d.fsType])).toEqual([
      ['D:\\', 'Ổ đĩa D:', false, null],
      ['E:\\', 'Ổ đĩa E:', false, null],
      ['F:\\', 'Ổ đĩa F:', false, null],
      ['G:\\', 'Ổ đĩa G:', false, null],
    ]);
    expect(await listDrives({ platform: 'win32', run, statfs: fakeStatfs({}) })).toEqual([]);
  });

  it('detectFsType reads the drive letter of a folder', async () => {
    expect(await detectFsType('E:\\Nop ho so', { platform: 'win32', run: async () => WMIC })).toBe('FAT32');
    expect(await detectFsType('G:\\x', { platform: 'win32', run: async () => WMIC })).toBe('NTFS');
  });
});

describe('macOS volumes', () => {
  it('lists /Volumes except the boot volume and stale folders; msdos is FAT32', async () => {
    const vols = tmp();
    for (const n of ['NO NAME', 'SANDISK', 'Stale']) mkdirSync(path.join(vols, n));
    symlinkSync('/', path.join(vols, 'Macintosh HD'));
    const mount = [
      '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
      'devfs on /dev (devfs, local, nobrowse)',
      '/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)',
      `/dev/disk4s1 on ${vols}/NO NAME (msdos, local, nodev, nosuid, noowners)`,
      `/dev/disk5s1 on ${vols}/SANDISK (exfat, local, nodev, nosuid, noowners)`,
    ].join('\n');
    expect(parseMacMount(mount)[3]).toEqual({ device: '/dev/disk4s1', mountPoint: `${vols}/NO NAME`, fsType: 'msdos' });
    const statfs = fakeStatfs({
      [`${vols}/NO NAME`]: { freeGiB: 1, totalGiB: 2 },
      [`${vols}/SANDISK`]: { freeGiB: 10, totalGiB: 32 },
      [`${vols}/Stale`]: { freeGiB: 100, totalGiB: 250 },
    });
    const drives = await listDrives({ platform: 'darwin', volumesDir: vols, run: async () => mount, statfs });
    expect(drives.map((d) => [d.label, d.fsType, d.fat32, d.removable])).toEqual([
      ['NO NAME', 'msdos', true, true],
      ['SANDISK', 'exfat', false, true],
    ]);
    rmSync(vols, { recursive: true });
  });
});

describe('isFat32', () => {
  it('knows the names each OS uses', () => {
    for (const t of ['vfat', 'msdos', 'FAT32', 'FAT', 'fat16']) expect(isFat32(t)).toBe(true);
    for (const t of ['exfat', 'exFAT', 'NTFS', 'ntfs3', 'fuseblk', 'ext4', '', null, undefined]) expect(isFat32(t)).toBe(false);
  });
});
