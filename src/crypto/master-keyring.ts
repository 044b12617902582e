import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

/** Master keys (KEKs) by version. Key material lives in configuration, never in the database. */
export interface KeyringContents {
  current: number;
  keys: Record<string, string>;
}

export class KeyringError extends Error {}

const KEY_BYTES = 32;

/**
 * The master keyring: a fixed key (CELLULE_MASTER_KEY, version 1, not rotatable) or a JSON file
 * `{ "current": 2, "keys": { "1": "base64", "2": "base64" } }`. A file is re-read when it
 * changes, so a rotation run by the CLI reaches a running service without a restart.
 */
export class MasterKeyring {
  private contents: KeyringContents;
  private loadedMtimeMs = 0;

  private constructor(
    private readonly file: string | undefined,
    fixedKey: Buffer | undefined,
  ) {
    if (fixedKey) this.contents = { current: 1, keys: { '1': fixedKey.toString('base64') } };
    else this.reload();
  }

  static fixed(key: Buffer): MasterKeyring {
    return new MasterKeyring(undefined, key);
  }

  /** Opens the keyring file; creates it with a first key when allowed (development). */
  static fromFile(file: string, options: { createIfMissing: boolean; onCreate?: () => void }): MasterKeyring {
    try {
      statSync(file);
    } catch {
      if (!options.createIfMissing) throw new KeyringError(`CELLULE_MASTER_KEY_FILE: no keyring at ${file}`);
      writeKeyring(file, { current: 1, keys: { '1': randomBytes(KEY_BYTES).toString('base64') } }, 'wx');
      options.onCreate?.();
    }
    return new MasterKeyring(file, undefined);
  }

  get rotatable(): boolean {
    return this.file !== undefined;
  }

  currentVersion(): number {
    this.reloadIfChanged();
    return this.contents.current;
  }

  versions(): number[] {
    this.reloadIfChanged();
    return Object.keys(this.contents.keys).map(Number);
  }

  key(version: number): Buffer {
    this.reloadIfChanged();
    let encoded = this.contents.keys[String(version)];
    if (!encoded && this.file) {
      this.reload();
      encoded = this.contents.keys[String(version)];
    }
    if (!encoded) throw new KeyringError(`master key version ${version} is not in the keyring`);
    return Buffer.from(encoded, 'base64');
  }

  /** Adds a new current version (rotation, step one). Returns it. */
  addVersion(): number {
    const contents = this.requireFile();
    const next = Math.max(...Object.keys(contents.keys).map(Number)) + 1;
    this.write({ current: next, keys: { ...contents.keys, [next]: randomBytes(KEY_BYTES).toString('base64') } });
    return next;
  }

  /** Removes every version but the current one (rotation, last step). */
  retireOldVersions(): void {
    const contents = this.requireFile();
    this.write({ current: contents.current, keys: { [contents.current]: contents.keys[String(contents.current)] } });
  }

  private requireFile(): KeyringContents {
    if (!this.file) throw new KeyringError('CELLULE_MASTER_KEY is a fixed key: use CELLULE_MASTER_KEY_FILE to rotate');
    this.reload();
    return this.contents;
  }

  private write(contents: KeyringContents): void {
    writeKeyring(this.file!, contents, 'w');
    this.reload();
  }

  private reloadIfChanged(): void {
    if (this.file && statSync(this.file).mtimeMs !== this.loadedMtimeMs) this.reload();
  }

  private reload(): void {
    const mtimeMs = statSync(this.file!).mtimeMs;
    const parsed = JSON.parse(readFileSync(this.file!, 'utf8')) as KeyringContents;
    const valid =
      Number.isInteger(parsed.current) &&
      typeof parsed.keys === 'object' &&
      Object.values(parsed.keys).every((key) => Buffer.from(key, 'base64').length === KEY_BYTES) &&
      typeof parsed.keys[String(parsed.current)] === 'string';
    if (!valid) throw new KeyringError(`the master keyring ${this.file} is malformed`);
    this.contents = parsed;
    this.loadedMtimeMs = mtimeMs;
  }
}

/** Atomic replacement: readers see the old file or the new one, never half of one. */
function writeKeyring(file: string, contents: KeyringContents, flag: 'w' | 'wx'): void {
  if (flag === 'wx') {
    writeFileSync(file, JSON.stringify(contents, null, 2), { mode: 0o600, flag: 'wx' });
    return;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(contents, null, 2), { mode: 0o600 });
  renameSync(temporary, file);
}
