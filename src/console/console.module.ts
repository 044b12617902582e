import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built console (web/dist), found from this file whether it runs compiled (dist/src/console) or
 * from source under the tests (src/console).
 */
export function consoleRoot(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.resolve(here, '../../../web/dist'), path.resolve(here, '../../web/dist')].find((candidate) =>
    existsSync(path.join(candidate, 'index.html')),
  );
}

/**
 * Serves the console at / on the API's origin. Any path outside /api that is not a file answers the
 * console's index.html (client-side routes); /api is never shadowed. Without a build (web/dist) only the
 * API is served.
 */
@Module({})
export class ConsoleModule {
  static forRoot(): DynamicModule {
    const rootPath = consoleRoot();
    if (!rootPath) return { module: ConsoleModule };
    return {
      module: ConsoleModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath,
          exclude: ['/api/{*path}'],
          // The global no-store header stays: express.static would otherwise replace it.
          serveStaticOptions: { cacheControl: false, etag: false, lastModified: false, index: ['index.html'] },
        }),
      ],
    };
  }
}
