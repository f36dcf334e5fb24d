/**
 * Content-Security-Policy for every page the app shows (Electron and the HTTP host): nothing may load from
 * or talk to any other origin. Inline styles are allowed because antd injects its CSS-in-JS at run time.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
