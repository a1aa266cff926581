// Security headers for every answer (API, HTML pages, built files), set once. The CSP allows scripts from our own
// origin only (no 'unsafe-eval': SurveyJS, React and chart.js run without it); styles may be inline because
// SurveyJS and React set style attributes; images also as data:/blob: (logos, QR codes, chart PNG export).
// HSTS only when the site is served over HTTPS (PUBLIC_URL, or X-Forwarded-Proto from a trusted proxy).
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppConfig } from '../config';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const HSTS = 'max-age=31536000; includeSubDomains';

export function siteHeaders(cfg: Pick<AppConfig, 'publicUrl' | 'trustProxy'>): MiddlewareHandler {
  const headers = secureHeaders({ referrerPolicy: 'no-referrer', contentSecurityPolicy: CONTENT_SECURITY_POLICY, strictTransportSecurity: false });
  const https = cfg.publicUrl.startsWith('https://');
  return async (c, next) => {
    await headers(c, next);
    const forwarded = cfg.trustProxy > 0 && c.req.header('x-forwarded-proto')?.split(',').pop()?.trim() === 'https';
    if (https || forwarded) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}
