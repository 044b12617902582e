import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** docker-compose.yml parses, and every variable and secret the service is given is one it knows. */
describe('the docker-compose deployment', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
    services: Record<
      string,
      {
        environment?: Record<string, unknown>;
        secrets?: string[];
        depends_on?: Record<string, unknown>;
        restart?: string;
        healthcheck?: { test: string[] };
        build?: string;
      }
    >;
    secrets: Record<string, { file: string }>;
  };
  const environmentSource = readFileSync('src/config/environment.ts', 'utf8');

  it('is valid YAML with the service and its PostgreSQL', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres']);
    expect(compose.services.api.depends_on).toHaveProperty('postgres');
  });

  it('gives the service only variables its configuration declares', () => {
    const unknown = Object.keys(compose.services.api.environment ?? {}).filter(
      (name) => !new RegExp(`^\\s+${name}\\b`, 'm').test(environmentSource),
    );
    expect(unknown).toEqual([]);
  });

  it('restarts both services and checks their health; the service is built from the Dockerfile', () => {
    for (const service of Object.values(compose.services)) {
      expect(service.restart).toBe('unless-stopped');
      expect(service.healthcheck?.test.length).toBeGreaterThan(1);
    }
    expect(compose.services.api.build).toBe('.');
  });

  it('builds an image in two stages that runs as a non-root user with a health check', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*/m);
    expect(dockerfile).toMatch(/api\/health/);
  });

  it('runs the image on the Node major that package.json requires, loading the tracing module as npm start does', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string }; scripts: { start: string } };
    const major = /(\d+)/.exec(packageJson.engines.node)![1];
    expect(dockerfile.match(/^FROM node:(\d+)-/gm)).toEqual([`FROM node:${major}-`, `FROM node:${major}-`]);
    const command = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
    expect(command.join(' ')).toBe(packageJson.scripts.start);
  });

  it('declares every secret a service uses, as a file', () => {
    for (const service of Object.values(compose.services)) {
      for (const secret of service.secrets ?? []) expect(compose.secrets[secret]?.file).toEqual(expect.any(String));
    }
  });
});
