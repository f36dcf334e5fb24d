import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ErrorCode, type ApiResult } from '../../shared/api/errors';
import { contentSecurityPolicy } from '../../shared/security';

/** The one thing the host needs from the backend. */
export interface Dispatcher {
  dispatch(name: string, input: unknown, sessionToken?: string | null): Promise<ApiResult<unknown>>;
}

export interface HttpHostOptions {
  backend: Dispatcher;
  /** Built renderer (`out/renderer`). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Per-run secret; generated when omitted. */
  token?: string;
  maxBodyBytes?: number;
}

export interface HttpHost {
  port: number;
  token: string;
  /** Address to open once: it carries the token, which the host turns into a cookie. */
  loginUrl: string;
  close(): Promise<void>;
}

const tokenCookie = 'anjian_token';
const tokenHeader = 'x-anjian-token';
/** Carries the logged-in session (from auth.login); separate from the per-run host token. */
const sessionHeader = 'x-anjian-session';
const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * Serves the renderer and `POST /api/<name>` on 127.0.0.1 only. Every API call must carry the per-run token
 * (cookie or header); requests whose Host or Origin is not this loopback address are refused, which defeats
 * DNS rebinding and cross-site requests.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? 20 * 1024 * 1024;
  const staticRoot = path.resolve(options.staticDir);
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[http] request failed', error);
      if (!res.headersSent) sendJson(res, 500, failure(ErrorCode.Internal, '程序内部错误'));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      sendText(res, 403, '拒绝访问：请通过 127.0.0.1 访问本程序。');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      sendText(res, 403, '拒绝访问：不允许来自其他网站的请求。');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        sendJson(res, 405, failure(ErrorCode.InvalidInput, '接口只接受 POST 请求'));
        return;
      }
      if (!isAuthorized(req)) {
        sendJson(res, 401, failure(ErrorCode.Unauthorized, '未授权：请使用启动时显示的地址打开本程序。'));
        return;
      }
      const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (contentType !== 'application/json') {
        sendJson(res, 415, failure(ErrorCode.InvalidInput, '请求格式必须为 JSON'));
        return;
      }
      const body = await readBody(req, maxBodyBytes);
      if (body === null) {
        sendJson(res, 413, failure(ErrorCode.InvalidInput, '请求内容过大'));
        return;
      }
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        sendJson(res, 400, failure(ErrorCode.InvalidInput, '请求内容不是有效的 JSON'));
        return;
      }
      const name = safeDecode(url.pathname.slice('/api/'.length));
      if (name === null) {
        sendJson(res, 400, failure(ErrorCode.InvalidInput, '接口名称格式不正确'));
        return;
      }
      const session = req.headers[sessionHeader];
      sendJson(res, 200, await options.backend.dispatch(name, input, typeof session === 'string' ? session : null));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, '不支持的请求方法');
      return;
    }
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!sameSecret(offered, token)) {
        sendText(res, 403, '访问令牌无效：请使用启动时显示的地址打开本程序。');
        return;
      }
      res.writeHead(302, {
        'Set-Cookie': `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    serveStatic(url.pathname, res);
  }

  function isAuthorized(req: http.IncomingMessage): boolean {
    const header = req.headers[tokenHeader];
    if (typeof header === 'string' && sameSecret(header, token)) return true;
    const cookie = parseCookies(req.headers.cookie ?? '')[tokenCookie];
    return cookie !== undefined && sameSecret(cookie, token);
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const decoded = safeDecode(pathname);
    if (decoded === null) {
      sendText(res, 404, '未找到');
      return;
    }
    const relative = decoded.replace(/^\/+/, '');
    let file = path.resolve(staticRoot, relative || 'index.html');
    if (!file.startsWith(staticRoot + path.sep) && file !== staticRoot) {
      sendText(res, 404, '未找到');
      return;
    }
    // Client-side routes fall back to the app shell; missing assets are real 404s.
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      if (path.extname(file)) {
        sendText(res, 404, '未找到');
        return;
      }
      file = path.join(staticRoot, 'index.html');
    }
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      'Content-Type': mimeTypes[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': isHtml ? 'no-store' : 'max-age=3600',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    loginUrl: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** decodeURIComponent that answers null for a malformed %-sequence instead of throwing. */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function failure(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

function parseCookies(header: string): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return cookies;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
