import { Global, Module } from '@nestjs/common';
import { CryptoService } from './crypto.service.js';
import { DataKeyService } from './data-key.service.js';
import { KeyRotationService } from './key-rotation.service.js';
import { CredentialKeys } from './credential-keys.js';

/** Global: features call CryptoService; nothing else touches keys or ciphers. */
@Global()
@Module({
  providers: [CryptoService, DataKeyService, KeyRotationService, CredentialKeys],
  exports: [CryptoService, DataKeyService, KeyRotationService, CredentialKeys],
})
export class CryptoModule {}
