import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module.js';
import { configureApp } from '../src/configure-app.js';
import { concretePath, listRoutes } from './support/routes.js';
import { createAdmin, startTestApp, TestApp, TestUser } from './support/test-app.js';

/** The only routes reachable without a token. Adding one here is a reviewed decision. */
const PUBLIC_ROUTES = [
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/mfa/verify',
  'POST /api/auth/mfa/passkeys/authentication',
  'POST /api/auth/mfa/passkeys/verify',
  'GET /api/auth/oidc',
  'GET /api/auth/oidc/login',
  'GET /api/auth/oidc/callback',
  'GET /api/health',
  // Its own bearer token (METRICS_TOKEN), off without it.
  'GET /api/metrics',
];

describe('deny by default', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  it('every registered route declares its access rule', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const undeclared = routes
      .filter((route) => !route.access)
      .map((route) => `${route.method} ${route.path} (${route.controller}.${route.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('exactly the reviewed list of routes is public', () => {
    const publicRoutes = listRoutes(t.app)
      .filter((route) => route.access?.kind === 'public')
      .map((route) => `${route.method} ${route.path}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('every non-public route answers 401 problem+json without a token', async () => {
    for (const route of listRoutes(t.app).filter((candidate) => candidate.access?.kind !== 'public')) {
      const response = await t.http()[route.method.toLowerCase() as 'get'](concretePath(route.path)).send({});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('every administration route answers 403 to a signed-in non-administrator and works for the administrator', () => {
    const adminRoutes = listRoutes(t.app).filter((route) => route.access?.kind === 'roles' && route.access.roles.includes('admin'));
    expect(adminRoutes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/users',
        'POST /api/users',
        'PATCH /api/users/:id',
        'GET /api/organizations',
        'POST /api/organizations',
      ]),
    );
  });

  it('a route that forgets its declaration is refused at run time, even with a valid token', async () => {
    @Controller('forgotten')
    class ForgottenController {
      @Get()
      leak() {
        return { secret: 'should never be served' };
      }
    }
    @Module({ controllers: [ForgottenController] })
    class ForgottenModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(t.config), DiscoveryModule, ForgottenModule],
    }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    configureApp(app, t.config);
    await app.init();
    try {
      expect(listRoutes(app).find((route) => route.path === '/api/forgotten')?.access).toBeUndefined();
      const response = await request(app.getHttpServer()).get('/api/forgotten').set('Authorization', `Bearer ${admin.token}`);
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain('should never be served');
    } finally {
      await app.close();
    }
  });
});
