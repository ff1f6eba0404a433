import { buildOpenApiDocument } from '../src/http-app';
import { BULL_BOARD_PATH } from '../src/queue/bull-board';
import { createTestApp, TestApp } from './support/test-app';
import { anctAdmin, bearer, funderManager, http, LoggedIn } from './support/actors';

describe('Operations endpoints', () => {
  let testApp: TestApp;
  let anct: LoggedIn;

  beforeAll(async () => {
    testApp = await createTestApp();
    anct = await anctAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('reports liveness and readiness of PostgreSQL and Redis', async () => {
    await http(testApp).get('/health').expect(200, { status: 'ok' });
    const ready = await http(testApp).get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI document with every route of the application', async () => {
    const served = await http(testApp).get('/api/docs-json').expect(200);
    expect(served.body.paths).toEqual(buildOpenApiDocument(testApp.app).paths);
    const mounted = testApp.mountedRoutes
      .map((path) => path.replace(/:(\w+)/g, '{$1}'))
      .filter((path) => !path.startsWith('/api/docs') && !path.startsWith(BULL_BOARD_PATH))
      // The web application's files and pages (src/web/web-app.ts) are not API operations.
      .filter((path) => path.startsWith('/api/') || path.startsWith('/health'));
    expect(Object.keys(served.body.paths).sort()).toEqual([...new Set<string>(mounted)].sort());
    await http(testApp).get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('opens the queue dashboard to ANCT admins only', async () => {
    await http(testApp).get('/admin/queues').expect(401);
    const funder = await funderManager(testApp, anct);
    await http(testApp).get('/admin/queues').set(bearer(funder.token)).expect(403);
    await http(testApp).get('/admin/queues/api/queues').set(bearer(anct.token)).expect(200);
  });
});
