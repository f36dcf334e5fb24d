import type { SessionUser } from '../../shared/api/auth';
import type { AppDb } from '../db/open';

/** Where "now" comes from; tests freeze it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every handler receives besides its input. Built once per backend, shared by all calls. */
export interface HandlerContext {
  appDb: AppDb;
  dataDir: string;
  /** Folder holding `migrations/` and `maps/` (the repo's `resources/`, or the installed app's). */
  resourcesDir: string;
  appVersion: string;
  clock: Clock;
}

export function nowIso(ctx: Pick<HandlerContext, 'clock'>): string {
  return ctx.clock.now().toISOString();
}

/** One call's context: the shared one plus who is calling (null for public calls made without a session). */
export interface RequestContext extends HandlerContext {
  user: SessionUser | null;
  /** The token the call came with (logout ends exactly this session). */
  sessionToken: string | null;
}

/**
 * The office's local wall-clock time as `YYYY-MM-DD HH:mm`. The backend runs on the office's own PC (or the
 * HTTP host beside it), so its local time zone is the office's.
 */
export function localNow(ctx: Pick<HandlerContext, 'clock'>): string {
  const now = ctx.clock.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** Today's date where the office is, `YYYY-MM-DD`. */
export function localToday(ctx: Pick<HandlerContext, 'clock'>): string {
  return localNow(ctx).slice(0, 10);
}

/**
 * A clock that starts at `start` and then runs at the real pace: `npm run web -- --clock` uses it to rehearse a
 * given day (training on a holiday's rules, tests of today's board) without changing the PC's time.
 */
export function clockStartingAt(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}
