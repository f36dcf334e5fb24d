import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, makeTestBackend, type TestBackend } from '../../../tests/fixtures/backend';
import type { ApiError, ApiResult } from '../../shared/api/errors';
import { contentSecurityPolicy } from '../../shared/security';
import { startHttpHost, type HttpHost } from './http';

/**
 * The loopback host against a real backend (SQLite in a temp folder) and a small static folder:
 *
 *   <root>/package.json                  secret: two levels above the static root
 *   <root>/site/package.json             secret: one level above
 *   <root>/site/public-secret/x.txt      secret: a sibling whose name starts like the static root
 *   <root>/site/public/index.html        the app shell
 *   <root>/site/public/assets/app.js
 */
const indexHtml = '<!doctype html><html><body><div id="root">安监台账</div></body></html>';
const appJs = 'console.log("anjian");\n';
const secret = 'SECRET-DO-NOT-SERVE';

let root: string;
let staticDir: string;
let backend: TestBackend;
let host: HttpHost;
let origin: string;

beforeAll(async () => {
  root = makeTempDir('anjian-http-');
  staticDir = path.join(root, 'site', 'public');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(root, 'site', 'public-secret'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), indexHtml);
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), appJs);
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: secret }));
  fs.writeFileSync(path.join(root, 'site', 'package.json'), JSON.stringify({ name: secret }));
  fs.writeFileSync(path.join(root, 'site', 'public-secret', 'x.txt'), secret);

  backend = await makeTestBackend({ setup: false });
  host = await startHttpHost({ backend, staticDir, port: 0 });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host?.close();
  backend?.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request exactly as given: the path is not normalized and the Host header is whatever the test says
 * (fetch forbids setting Host and resolves `..` in paths).
 */
function rawRequest(options: {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        setHost: false,
        headers: { host: `127.0.0.1:${options.port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POST /api/<name> as the renderer's api client does, with the token header unless told otherwise. */
function callApi(name: string, input: unknown, headers: Record<string, string> = { 'X-Anjian-Token': host.token }): Promise<Response> {
  return fetch(`${origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

const chinese = /[\u4e00-\u9fff]/;

/** The error of a JSON failure result (`{ ok: false, error }`); throws on anything else. */
async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json()) as ApiResult<unknown>;
  if (body.ok !== false) throw new Error(`expected { ok: false }, got ${JSON.stringify(body)}`);
  return body.error;
}

describe('API calls need the per-run token', () => {
  it('answers a call that carries the X-Anjian-Token header', async () => {
    const response = await callApi('system.status', {});
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ ok: true, data: { setupDone: false, appVersion: '0.0.0-test', orgName: null } });
  });

  it('refuses a call without a token with 401 UNAUTHORIZED and a Chinese message', async () => {
    const response = await callApi('system.status', {}, {});
    expect(response.status).toBe(401);
    const error = await errorOf(response);
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toMatch(chinese);
  });

  it('refuses a call with a wrong token (header or cookie) with 401', async () => {
    const wrong: Record<string, string>[] = [
      { 'X-Anjian-Token': 'wrong' },
      { 'X-Anjian-Token': `${host.token}x` },
      { Cookie: 'anjian_token=wrong' },
    ];
    for (const headers of wrong) {
      const response = await callApi('system.status', {}, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('turns /?token=<token> into an HttpOnly SameSite=Strict cookie that then authorizes calls', async () => {
    expect(host.loginUrl).toBe(`${origin}/?token=${host.token}`);
    const login = await fetch(host.loginUrl, { redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/');
    expect(await login.text()).toBe('');
    const cookies = login.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(new RegExp(`^anjian_token=${host.token};`));
    expect(cookies[0]).toMatch(/; HttpOnly(;|$)/);
    expect(cookies[0]).toMatch(/; SameSite=Strict(;|$)/);

    const cookie = cookies[0].split(';')[0];
    const response = await callApi('system.status', {}, { Cookie: cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, data: { setupDone: false } });
  });

  it('answers /?token=wrong with 403 and sets no cookie', async () => {
    const response = await fetch(`${origin}/?token=wrong`, { redirect: 'manual' });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    const text = await response.text();
    expect(text).toMatch(chinese);
    expect(text).not.toContain('安监台账</div>');
  });
});

describe('Host and Origin are checked (DNS rebinding, cross-site requests)', () => {
  it('refuses a foreign Host header with 403 even with a valid token', async () => {
    const api = await rawRequest({
      port: host.port,
      method: 'POST',
      path: '/api/system.status',
      headers: { host: `evil.example:${host.port}`, 'content-type': 'application/json', 'x-anjian-token': host.token },
      body: '{}',
    });
    expect(api.status).toBe(403);
    expect(api.body).toMatch(chinese);
    expect(api.body).not.toContain('setupDone');

    const page = await rawRequest({ port: host.port, path: '/', headers: { host: `evil.example:${host.port}` } });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('安监台账</div>');

    const login = await rawRequest({ port: host.port, path: `/?token=${host.token}`, headers: { host: `evil.example:${host.port}` } });
    expect(login.status).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
  });

  it('accepts the loopback Host header, by address or as localhost', async () => {
    for (const hostHeader of [`127.0.0.1:${host.port}`, `localhost:${host.port}`]) {
      const response = await rawRequest({
        port: host.port,
        method: 'POST',
        path: '/api/system.status',
        headers: { host: hostHeader, 'content-type': 'application/json', 'x-anjian-token': host.token },
        body: '{}',
      });
      expect(response.status, hostHeader).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ ok: true, data: { setupDone: false } });
    }
  });

  it('refuses a request from another origin with 403 even with a valid token', async () => {
    for (const foreign of ['http://evil.example', `http://evil.example:${host.port}`, 'null', `https://127.0.0.1:${host.port}`]) {
      const response = await callApi('system.status', {}, { 'X-Anjian-Token': host.token, Origin: foreign });
      expect(response.status, foreign).toBe(403);
      const text = await response.text();
      expect(text).toMatch(chinese);
      expect(text).not.toContain('setupDone');
    }
  });

  it('allows a request whose Origin is this host', async () => {
    const response = await callApi('system.status', {}, { 'X-Anjian-Token': host.token, Origin: origin });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, data: { setupDone: false } });
  });
});

describe('API requests must be well-formed', () => {
  it('answers GET /api/x with 405', async () => {
    const response = await fetch(`${origin}/api/x`, { headers: { 'X-Anjian-Token': host.token } });
    expect(response.status).toBe(405);
    const error = await errorOf(response);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/POST/);
  });

  it('refuses a non-JSON content type with 415, so a plain HTML form cannot post (CSRF)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await fetch(`${origin}/api/system.status`, {
        method: 'POST',
        headers: { 'Content-Type': type, 'X-Anjian-Token': host.token },
        body: '{}',
      });
      expect(response.status, type).toBe(415);
      const error = await errorOf(response);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/JSON/);
    }
  });

  it('answers malformed JSON with 400 INVALID_INPUT', async () => {
    const response = await fetch(`${origin}/api/system.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Anjian-Token': host.token },
      body: '{"orgName": ',
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(chinese);
  });

  it('treats an empty body as {}', async () => {
    const response = await fetch(`${origin}/api/system.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Anjian-Token': host.token },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, data: { setupDone: false } });
  });

  it('refuses a body over maxBodyBytes with 413 and does not dispatch it', async () => {
    const calls: string[] = [];
    const small = await startHttpHost({
      backend: { dispatch: (name, input) => (calls.push(name), backend.dispatch(name, input)) },
      staticDir,
      port: 0,
      maxBodyBytes: 1024,
    });
    try {
      const url = `http://127.0.0.1:${small.port}/api/villages.create`;
      const headers = { 'Content-Type': 'application/json', 'X-Anjian-Token': small.token };
      const tooBig = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ name: '东山村', notes: 'x'.repeat(2048) }) });
      expect(tooBig.status).toBe(413);
      const error = await errorOf(tooBig);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(chinese);
      expect(calls).toEqual([]);

      // Just under the limit still goes through (and is answered by the backend).
      const fits = await fetch(`http://127.0.0.1:${small.port}/api/system.status`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ pad: 'x'.repeat(1000) }),
      });
      expect(fits.status).toBe(200);
      expect(calls).toEqual(['system.status']);
    } finally {
      await small.close();
    }
    expect(backend.ctx.appDb.sqlite.prepare('SELECT count(*) FROM villages').pluck().get()).toBe(0);
  });

  it('answers an unknown method name with 200 and UNKNOWN_METHOD', async () => {
    const response = await callApi('villages.explode', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: '未知的接口：villages.explode' } });
  });

  it('answers invalid input with 200, INVALID_INPUT and the errors per field', async () => {
    const response = await callApi('system.setup', { orgName: '', loadDemo: false });
    expect(response.status).toBe(200);
    const error = await errorOf(response);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(chinese);
    expect(error.fieldErrors).toEqual(
      expect.objectContaining({ orgName: '请填写填报单位', townName: '请填写镇/街道名称' }),
    );
    expect((await backend.call('system.status', {})).setupDone).toBe(false);
  });

  it('refuses a content type that merely starts with application/json with 415', async () => {
    const response = await callApi('system.status', {}, { 'X-Anjian-Token': host.token, 'Content-Type': 'application/jsonfoo' });
    expect(response.status).toBe(415);
  });

  it('answers a malformed %-sequence in a method name with 400, and in a file path with 404', async () => {
    const api = await rawRequest({
      port: host.port,
      method: 'POST',
      path: '/api/%E0%A4%A',
      headers: { 'x-anjian-token': host.token, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await rawRequest({ port: host.port, path: '/%E0%A4%A' })).status).toBe(404);
  });
});

describe('the login session travels in its own header', () => {
  it('passes X-Anjian-Session to dispatch: a logged-in call succeeds, an unknown session is refused', async () => {
    const other = await makeTestBackend();
    const sessionHost = await startHttpHost({ backend: other, staticDir, port: 0 });
    try {
      const call = (headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${sessionHost.port}/api/villages.list`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Anjian-Token': sessionHost.token, ...headers },
          body: '{}',
        }).then((response) => response.json());
      // The wrapper's default session does not reach the host: only the header counts.
      expect(await call({ 'X-Anjian-Session': other.adminToken })).toMatchObject({ ok: true, data: { total: 0 } });
      expect(await call({})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect(await call({ 'X-Anjian-Session': 'not-a-session' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    } finally {
      await sessionHost.close();
      other.dispose();
    }
  });
});

describe('static files', () => {
  it('serves index.html at / with the shared Content-Security-Policy', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(indexHtml);
  });

  it('serves an asset as text/javascript', async () => {
    const response = await fetch(`${origin}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toBe(appJs);
  });

  it('answers a client-side route with the app shell', async () => {
    for (const route of ['/villages', '/settings/', '/print/villages?kind=村']) {
      const response = await fetch(`${origin}${route}`);
      expect(response.status, route).toBe(200);
      expect(response.headers.get('content-type'), route).toBe('text/html; charset=utf-8');
      expect(await response.text(), route).toBe(indexHtml);
    }
  });

  it('answers a missing asset with 404, not the app shell', async () => {
    const response = await fetch(`${origin}/assets/missing.js`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain('安监台账</div>');
    expect(text).toMatch(chinese);
  });

  it('never serves a file outside the static folder (path traversal)', async () => {
    for (const target of [
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/../../package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5cpackage.json',
      '/%2e%2e/public-secret/x.txt',
      '/..%2fpublic-secret%2fx.txt',
    ]) {
      const response = await rawRequest({ port: host.port, path: target });
      expect(response.status, target).toBe(404);
      expect(response.body, target).not.toContain(secret);
    }
  });
});

describe('listening and closing', () => {
  it('listens on 127.0.0.1', async () => {
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port: host.port }, () => resolve(s));
      s.once('error', reject);
    });
    expect(socket.remoteAddress).toBe('127.0.0.1');
    expect(socket.remotePort).toBe(host.port);
    socket.destroy();
  });

  it('is not reachable on the machine’s other IPv4 addresses', async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((info) => info && info.family === 'IPv4' && !info.internal);
    if (!external) return; // no other interface on this machine: nothing to check
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      const s = net.connect({ host: external.address, port: host.port }, () => {
        s.destroy();
        resolve(null);
      });
      s.once('error', resolve);
    });
    expect(error?.code).toBe('ECONNREFUSED');
  });

  describe('close()', () => {
    let other: TestBackend | undefined;
    afterEach(() => {
      other?.dispose();
      other = undefined;
    });

    it('resolves, even with a keep-alive connection open, and the port stops accepting connections', async () => {
      other = await makeTestBackend({ setup: false });
      const closing = await startHttpHost({ backend: other, staticDir, port: 0 });
      const agent = new http.Agent({ keepAlive: true });
      const kept = await new Promise<number>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: closing.port, path: '/', agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          })
          .on('error', reject);
      });
      expect(kept).toBe(200);

      await expect(closing.close()).resolves.toBeUndefined();
      agent.destroy();
      const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
        const s = net.connect({ host: '127.0.0.1', port: closing.port }, () => {
          s.destroy();
          resolve(null);
        });
        s.once('error', resolve);
      });
      expect(error?.code).toBe('ECONNREFUSED');
    });
  });
});
