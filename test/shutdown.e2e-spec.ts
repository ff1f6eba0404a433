import { connect, type Socket } from 'node:net';
import { listeningUrl } from './support/redemption-fixtures';
import { createTestApp, type TestApp } from './support/test-app';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How the connection ended: closed cleanly by the server, or reset. */
  ending: 'end' | 'reset';
}

/** A raw HTTP/1.1 connection, so that the test decides when each byte of a request leaves. */
function rawConnection(port: number): { socket: Socket; response: Promise<RawResponse> } {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  const response = new Promise<RawResponse>((resolve) => {
    let ending: RawResponse['ending'] = 'end';
    socket.on('error', () => (ending = 'reset'));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n'), ending });
    });
  });
  return { socket, response };
}

/** SIGTERM runs `app.close()` (Nest's shutdown hooks): what clients connected at that moment see. */
describe('Shutting down the API', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });

  it('finishes in-flight requests with Connection: close and answers late ones with the API’s own 503', async () => {
    const port = Number(new URL(await listeningUrl(testApp)).port);
    // In flight: its headers are read (the request is under way), its body is not finished.
    const body = JSON.stringify({ email: 'nobody@example.org', password: 'not the password at all' });
    const inFlight = rawConnection(port);
    inFlight.socket.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    // Late: its request line arrived, the rest comes once the shutdown has begun.
    const late = rawConnection(port);
    late.socket.write('GET /health HTTP/1.1\r\nHost: test\r\n');
    await new Promise((resolve) => setTimeout(resolve, 300));

    const closing = testApp.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    late.socket.write('\r\n');
    inFlight.socket.write(body.slice(10));

    const [finished, refused] = await Promise.all([inFlight.response, late.response]);
    await closing;
    expect({ status: finished.status, connection: finished.headers.connection, ending: finished.ending }).toEqual({
      status: 401,
      connection: 'close',
      ending: 'end',
    });
    expect(JSON.parse(finished.body)).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect({
      status: refused.status,
      connection: refused.headers.connection,
      retryAfter: refused.headers['retry-after'],
      ending: refused.ending,
    }).toEqual({
      status: 503,
      connection: 'close',
      retryAfter: '1',
      ending: 'end',
    });
    expect(JSON.parse(refused.body)).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      requestId: refused.headers['x-request-id'],
    });
  });
});
