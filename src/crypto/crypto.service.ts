import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import sodium from 'libsodium-wrappers';
import type { AppConfig } from '../config/app-config.js';
import { IntegrityError, ShreddedError } from './crypto-errors.js';
import { ENCRYPTED_FIELDS, EncryptedField } from './field-registry.js';
import { MasterKeyring } from './master-keyring.js';

export { IntegrityError, ShreddedError };

export interface WrappedKey {
  kekVersion: number;
  wrappedDek: Buffer;
}

const FORMAT_VERSION = 1;
/** Version of the data key inside a situation; only 1 so far (a DEK is never rotated, it is re-wrapped). */
const DEK_VERSION = 1;
const KDF_CONTEXT = 'clsmcell';
const PAD_BLOCK = 64;
const NONCE_BYTES = 24;
const HEADER_BYTES = 2 + NONCE_BYTES;
const BLIND_INDEX_BUCKETS = 256;

/** Canonical length-prefixed encoding of associated data: no ambiguity between fields. */
function associatedData(...parts: (string | number)[]): Uint8Array {
  const buffers = parts.map((part) => Buffer.from(String(part), 'utf8'));
  const out = Buffer.alloc(buffers.reduce((size, buffer) => size + 4 + buffer.length, 0));
  let offset = 0;
  for (const buffer of buffers) {
    out.writeUInt32BE(buffer.length, offset);
    buffer.copy(out, offset + 4);
    offset += 4 + buffer.length;
  }
  return out;
}

export interface IdentityKey {
  birthName: string;
  firstNames: string;
  birthDate: string;
}

/** Case, accents, spaces and hyphens do not matter; only the first given name counts. */
const normalise = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
const identityKey = (identity: IdentityKey) =>
  `${normalise(identity.birthName)}|${normalise(identity.firstNames.trim().split(/[\s,]+/)[0] ?? '')}|${identity.birthDate}`;

/**
 * The only place in the code base that touches keys and ciphers (libsodium):
 * envelope encryption (a random data key per situation, wrapped by the master key), field
 * encryption bound to table, column, row and key version, and the blind index.
 */
@Injectable()
export class CryptoService implements OnModuleInit {
  private readonly logger = new Logger(CryptoService.name);
  readonly keyring: MasterKeyring;
  private readonly blindIndexKey: Buffer;

  constructor(config: ConfigService<AppConfig, true>) {
    const settings = config.get('crypto', { infer: true });
    this.keyring = settings.masterKey
      ? MasterKeyring.fixed(settings.masterKey)
      : MasterKeyring.fromFile(settings.masterKeyFile!, {
          createIfMissing: config.get('env', { infer: true }) !== 'production',
          onCreate: () =>
            this.logger.warn(
              `Generated a development master keyring at ${settings.masterKeyFile}. Back it up: without it every case file is unreadable.`,
            ),
        });
    this.blindIndexKey = settings.blindIndexKey;
  }

  /** libsodium's WebAssembly must be ready before any call; Nest awaits this at boot. */
  async onModuleInit(): Promise<void> {
    await sodium.ready;
  }

  newDataKey(situationId: string): { dek: Uint8Array; wrapped: WrappedKey } {
    const dek = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
    return { dek, wrapped: this.wrap(situationId, dek) };
  }

  wrap(situationId: string, dek: Uint8Array, kekVersion = this.keyring.currentVersion()): WrappedKey {
    const nonce = sodium.randombytes_buf(NONCE_BYTES);
    const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      dek,
      associatedData('dek', situationId, kekVersion),
      null,
      nonce,
      this.keyring.key(kekVersion),
    );
    return { kekVersion, wrappedDek: Buffer.concat([nonce, ciphertext]) };
  }

  unwrap(situationId: string, wrapped: WrappedKey | { kekVersion: number; wrappedDek: null }): Uint8Array {
    if (wrapped.wrappedDek === null) throw new ShreddedError();
    try {
      return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        wrapped.wrappedDek.subarray(NONCE_BYTES),
        associatedData('dek', situationId, wrapped.kekVersion),
        wrapped.wrappedDek.subarray(0, NONCE_BYTES),
        this.keyring.key(wrapped.kekVersion),
      );
    } catch {
      throw new IntegrityError('data key');
    }
  }

  /** Encrypts bytes: `format ‖ key version ‖ nonce ‖ ciphertext`, padded to hide exact lengths. */
  encryptBytes(dek: Uint8Array, field: EncryptedField, rowId: string, plaintext: Uint8Array): Buffer {
    const { table, column } = ENCRYPTED_FIELDS[field];
    const nonce = sodium.randombytes_buf(NONCE_BYTES);
    const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      sodium.pad(plaintext, PAD_BLOCK),
      associatedData(table, column, rowId, DEK_VERSION),
      null,
      nonce,
      this.subkey(dek, field),
    );
    return Buffer.concat([Buffer.from([FORMAT_VERSION, DEK_VERSION]), nonce, ciphertext]);
  }

  decryptBytes(dek: Uint8Array, field: EncryptedField, rowId: string, stored: Buffer): Buffer {
    const { table, column } = ENCRYPTED_FIELDS[field];
    if (stored.length < HEADER_BYTES || stored[0] !== FORMAT_VERSION) throw new IntegrityError(`${table}.${column}`);
    const keyVersion = stored[1];
    try {
      const padded = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        stored.subarray(HEADER_BYTES),
        associatedData(table, column, rowId, keyVersion),
        stored.subarray(2, HEADER_BYTES),
        this.subkey(dek, field),
      );
      return Buffer.from(sodium.unpad(padded, PAD_BLOCK));
    } catch {
      throw new IntegrityError(`${table}.${column}`);
    }
  }

  encryptJson(dek: Uint8Array, field: EncryptedField, rowId: string, value: unknown): Buffer {
    return this.encryptBytes(dek, field, rowId, Buffer.from(JSON.stringify(value), 'utf8'));
  }

  decryptJson<T>(dek: Uint8Array, field: EncryptedField, rowId: string, stored: Buffer): T {
    return JSON.parse(this.decryptBytes(dek, field, rowId, stored).toString('utf8')) as T;
  }

  /**
   * Keyed BLAKE2b of the normalised identity (birth name, first given name, birth date), cut to
   * 256 buckets so that each value is shared by many people; candidates are confirmed by decrypting.
   */
  blindIndex(identity: IdentityKey): number {
    const digest = sodium.crypto_generichash(16, identityKey(identity), this.blindIndexKey);
    return ((digest[0] << 8) | digest[1]) % BLIND_INDEX_BUCKETS;
  }

  /** Whether two identities are the same person by the blind index's normalisation. */
  sameIdentity(a: IdentityKey, b: IdentityKey): boolean {
    return identityKey(a) === identityKey(b);
  }

  private subkey(dek: Uint8Array, field: EncryptedField): Uint8Array {
    return sodium.crypto_kdf_derive_from_key(32, ENCRYPTED_FIELDS[field].subkeyId, KDF_CONTEXT, dek);
  }
}
