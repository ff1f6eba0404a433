import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Runs the compiled API (built by the test command) with a broken environment. */
const API_ENTRY = join(__dirname, '..', 'dist', 'src', 'main.js');

function startApi(settings: Record<string, string>) {
  const result = spawnSync(process.execPath, [API_ENTRY], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', PORT: '0', ...settings },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe('Start-up with a broken environment', () => {
  beforeAll(() => {
    if (!existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: the test command builds it first (npm test).`);
  });

  it('stops with one sentence naming a bad setting', () => {
    const { status, stderr } = startApi({ PORT: 'eighty' });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Pass numérique API cannot start: Invalid setting PORT="eighty": .*\.$/);
  });

  it('stops with one sentence when PostgreSQL does not answer', () => {
    const { status, stderr } = startApi({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/pass_numerique' });
    expect(status).toBe(1);
    expect(stderr).toBe(
      'Pass numérique API cannot start: PostgreSQL is not reachable at 127.0.0.1:1 (ECONNREFUSED). Start PostgreSQL or fix DATABASE_URL.',
    );
  });

  it('stops with one sentence when Redis does not answer', () => {
    const { status, stderr } = startApi({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Pass numérique API cannot start: Redis is not reachable at 127\.0\.0\.1:1 .*Start Redis or fix REDIS_URL\.$/);
  });

  it('refuses development secrets in production', () => {
    const { status, stderr } = startApi({ NODE_ENV: 'production' });
    expect(status).toBe(1);
    expect(stderr).toBe(
      'Pass numérique API cannot start: JWT_SECRET, VOUCHER_CODE_SECRETS, SIGNING_KEYS, PSEUDONYM_SECRET, ANCT_PAYER_IBAN must be set explicitly when NODE_ENV=production.',
    );
  });
});
