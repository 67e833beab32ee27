// electron-builder.yml cannot be tried here (packaging downloads Electron), so it is checked the
// way electron-builder itself checks it first: against app-builder-lib's JSON schema (draft-07,
// additionalProperties: false, so a misspelt key is an error), then for the settings the
// product depends on.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import type { Configuration, FileSet, TargetConfiguration } from 'electron-builder';

const root = path.resolve(import.meta.dirname, '../..');
const schema: object = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
// strict: false — the schema carries keywords ajv does not know (`typeof` for function-valued hooks).
const validate = new Ajv({ strict: false, allErrors: true }).compile<Configuration>(schema);

const raw: unknown = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const pkg: { main: string; dependencies: Record<string, string> } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

function errorsOf(config: unknown): string[] {
  return validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** The validated configuration (the type guard comes from `compile<Configuration>`). */
function config(): Configuration {
  if (!validate(raw)) throw new Error(`electron-builder.yml does not match the schema:\n${errorsOf(raw).join('\n')}`);
  return raw;
}

const list = <T>(v: T | T[] | null | undefined): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

/** Targets as { name, archs }, whichever of the schema's shapes the file uses. */
function targets(t: Array<string | TargetConfiguration> | string | TargetConfiguration | null | undefined) {
  return list(t).map((x) => (typeof x === 'string' ? { name: x, archs: [] as string[] } : { name: x.target, archs: list(x.arch).map(String) }));
}

const ascii = /^[\x20-\x7e]+$/;

describe('electron-builder.yml', () => {
  it('matches app-builder-lib’s schema', () => {
    expect(errorsOf(raw)).toEqual([]);
  });

  it('the validator does fail on misspelt keys (the check above is not vacuous)', () => {
    expect(errorsOf({ appId: 'vn.kiemchung.app', nsis: { oneClik: false } }).join('\n')).toMatch(/\/nsis .*oneClik/);
    expect(errorsOf({ appId: 'vn.kiemchung.app', extraResource: ['resources'] }).join('\n')).toMatch(/extraResource/);
    expect(errorsOf({ linux: { target: 42 } })).not.toEqual([]);
  });

  it('names the product, with ASCII file names for the downloads and the program', () => {
    const c = config();
    expect(c.appId).toBe('vn.kiemchung.app');
    expect(c.productName).toBe('Kiểm Chứng');
    expect(c.directories?.output).toBe('release');
    for (const name of [c.artifactName, c.executableName, c.nsis?.artifactName, c.linux?.executableName]) {
      expect(name).toMatch(ascii);
    }
  });

  it('has an icon electron-builder can turn into .ico and Linux sizes (PNG, at least 256×256)', () => {
    const icon = config().icon;
    expect(icon).toBeTypeOf('string');
    const png = readFileSync(path.join(root, String(icon)));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Math.min(png.readUInt32BE(16), png.readUInt32BE(20))).toBeGreaterThanOrEqual(256);
  });

  it('packs the build output and package.json, with package.json’s entry inside it', () => {
    const files = list(config().files).map((f) => (typeof f === 'string' ? f : (f.from ?? '')));
    expect(files).toContain('dist/**/*');
    expect(files).toContain('package.json');
    expect(pkg.main.startsWith('dist/')).toBe(true);
  });

  it('ships resources/ (fonts, criteria sets, templates) outside the asar', () => {
    const extra = list(config().extraResources).filter((f): f is FileSet => typeof f !== 'string');
    expect(extra).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources' }));
  });

  it('uses better-sqlite3’s N-API prebuilds as they are: no rebuild, unpacked from the asar', () => {
    const c = config();
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(c.npmRebuild).toBe(false);
    expect(c.buildDependenciesFromSource).toBe(false);
    expect(list(c.asarUnpack).some((p) => p.includes('better-sqlite3/prebuilds') && p.endsWith('.node'))).toBe(true);
  });

  it('keeps one `files` list: a platform section’s own list would replace it, not extend it', () => {
    const c = config();
    expect([c.win?.files, c.linux?.files, c.mac?.files]).toEqual([undefined, undefined, undefined]);
    // The prebuild filter keys on ${os}* (win32-…, linux-…); "mac*" would match no darwin-… file.
    expect(c.mac, 'a mac target needs its own better-sqlite3 prebuild pattern').toBeUndefined();
  });

  it('builds a Vietnamese, per-user, assisted NSIS installer for Windows x64', () => {
    const c = config();
    expect(targets(c.win?.target)).toEqual([{ name: 'nsis', archs: ['x64'] }]);
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, language: '1066' });
    expect(list(c.nsis?.installerLanguages)).toEqual(['vi_VN']);
    // An uninstall must never take the commune's data with it.
    expect(c.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('builds an AppImage and a .deb for Linux, filed under Office with a maintainer', () => {
    const c = config();
    expect(
      targets(c.linux?.target)
        .map((t) => t.name)
        .sort(),
    ).toEqual(['AppImage', 'deb']);
    expect(c.linux?.category).toBe('Office');
    expect(c.linux?.maintainer).toMatch(/<[^@\s]+@[^@\s]+>/);
    expect(list(c.deb?.depends).length).toBeGreaterThan(0);
  });

  it('flips the Electron fuses that would let the binary run as plain Node or be inspected', () => {
    expect(config().electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
});
