import { eq } from 'drizzle-orm';
import type { Settings } from '../../../shared/api/settings';
import { nowIso, type HandlerContext } from '../../api/context';
import { settings } from '../../db/schema';

const officeKey = 'office';
const setupDoneKey = 'setupDone';

const emptyOffice: Settings = { orgName: '', townName: '', preparer: null, reviewer: null, principal: null };

/** Reads one JSON setting, or the fallback when it was never written. */
export function readSetting<T>(ctx: HandlerContext, key: string, fallback: T): T {
  const row = ctx.appDb.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row ? (row.value as T) : fallback;
}

export function writeSetting(ctx: HandlerContext, key: string, value: unknown): void {
  const updatedAt = nowIso(ctx);
  ctx.appDb.db
    .insert(settings)
    .values({ key, value, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } })
    .run();
}

export function getOfficeSettings(ctx: HandlerContext): Settings {
  return { ...emptyOffice, ...readSetting<Partial<Settings>>(ctx, officeKey, {}) };
}

export function updateOfficeSettings(ctx: HandlerContext, next: Settings): Settings {
  writeSetting(ctx, officeKey, next);
  return getOfficeSettings(ctx);
}

export function isSetupDone(ctx: HandlerContext): boolean {
  return readSetting(ctx, setupDoneKey, false);
}

export function markSetupDone(ctx: HandlerContext): void {
  writeSetting(ctx, setupDoneKey, true);
}
