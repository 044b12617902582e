import { Global, Module } from '@nestjs/common';
import { CryptoService } from './crypto.service.js';
import { DataKeyService } from './data-key.service.js';
import { KeyRotationService } from './key-rotation.service.js';

/** Global: features call CryptoService; nothing else touches keys or ciphers. */
@Global()
@Module({
  providers: [CryptoService, DataKeyService, KeyRotationService],
  exports: [CryptoService, DataKeyService, KeyRotationService],
})
export class CryptoModule {}
