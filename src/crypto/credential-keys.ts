import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHmac } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import type { AppConfig } from '../config/app-config.js';
import { IntegrityError } from './crypto-errors.js';

const NONCE_BYTES = 24;

/**
 * Second-factor credentials of the general side, under AUTH_MFA_KEY (never a case-file key):
 * TOTP secrets sealed to their account, and keyed hashes of recovery codes.
 */
@Injectable()
export class CredentialKeys implements OnModuleInit {
  private readonly sealKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(config: ConfigService<AppConfig, true>) {
    const root = config.get('auth', { infer: true }).mfaKey;
    this.sealKey = createHmac('sha256', root).update('clsm-cellule/totp-secret').digest();
    this.hashKey = createHmac('sha256', root).update('clsm-cellule/recovery-code').digest();
  }

  async onModuleInit(): Promise<void> {
    await sodium.ready;
  }

  /** XChaCha20-Poly1305, bound to the account: a secret copied to another row does not open. */
  seal(userId: string, secret: Uint8Array): Buffer {
    const nonce = sodium.randombytes_buf(NONCE_BYTES);
    const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(secret, `totp:${userId}`, null, nonce, this.sealKey);
    return Buffer.concat([nonce, sealed]);
  }

  open(userId: string, stored: Buffer): Uint8Array {
    try {
      return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        stored.subarray(NONCE_BYTES),
        `totp:${userId}`,
        stored.subarray(0, NONCE_BYTES),
        this.sealKey,
      );
    } catch {
      throw new IntegrityError('user_account.totp_secret');
    }
  }

  /** Recovery codes carry 60 random bits: a keyed hash is enough, and lets one statement find and spend a code. */
  recoveryCodeHash(userId: string, code: string): Buffer {
    return createHmac('sha256', this.hashKey).update(`${userId}:${code}`).digest();
  }
}
