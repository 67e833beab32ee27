// The app's log in its data folder: written beside stderr, rotated when it grows, bounded in files.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createLogger, setLogFile, stopLogFile } from '../../main/services/log';
import { cleanup, tempDir } from '../helpers/services';

let dir: string | undefined;
afterEach(() => {
  stopLogFile();
  cleanup(dir);
});

describe('log file', () => {
  it('keeps the lines in logs/kiemchung.log and rotates it, keeping a bounded number of old files', () => {
    dir = tempDir();
    const prev = process.env.KIEMCHUNG_LOG;
    process.env.KIEMCHUNG_LOG = 'info';
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = () => true; // keep the test output clean
    try {
      const file = setLogFile(dir, { maxBytes: 2_000, keep: 2 });
      expect(file).toBe(path.join(dir, 'logs', 'kiemchung.log'));
      const log = createLogger('thu');
      log.info('khởi động', { lần: 1 });
      expect(JSON.parse(readFileSync(file, 'utf8').trim())).toMatchObject({ level: 'info', module: 'thu', msg: 'khởi động', lần: 1 });
      for (let i = 0; i < 200; i++) log.warn('dòng nhật ký khá dài để làm đầy tệp', { i });
      expect(statSync(file).size).toBeLessThanOrEqual(2_000);
      expect(existsSync(`${file}.1`)).toBe(true);
      expect(existsSync(`${file}.2`)).toBe(true);
      expect(existsSync(`${file}.3`)).toBe(false);
      const last = readFileSync(file, 'utf8').trim().split('\n').at(-1)!;
      expect(JSON.parse(last)).toMatchObject({ i: 199 });
    } finally {
      process.stderr.write = write;
      process.env.KIEMCHUNG_LOG = prev;
    }
  });
});
