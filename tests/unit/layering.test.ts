import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: repoRoot });

async function restrictedImports(code: string, file: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').length;
}

describe('layering is enforced by lint (shared ← backend/renderer ← electron)', () => {
  it.each([
    ["import fs from 'node:fs'; export const a = fs;", 'src/shared/domain/probe.ts'],
    ["import { openDb } from '../../backend/db/open'; export const a = openDb;", 'src/shared/api/probe.ts'],
    ["import { openDb } from '../backend/db/open'; export const a = openDb;", 'src/renderer/probe.ts'],
    ["import fs from 'fs'; export const a = fs;", 'src/renderer/probe.ts'],
    ["import { app } from 'electron'; export const a = app;", 'src/backend/probe.ts'],
    ["import { App } from '../../renderer/app/App'; export const a = App;", 'src/backend/api/probe.ts'],
    ["import { app } from 'electron'; export const a = app;", 'tests/unit/probe.ts'],
  ])('refuses %s in %s', async (code, file) => {
    expect(await restrictedImports(code, file)).toBe(1);
  });

  it.each([
    ["import { z } from 'zod'; export const a = z;", 'src/shared/api/probe.ts'],
    ["import fs from 'node:fs'; export const a = fs;", 'src/backend/probe.ts'],
    ["import { app } from 'electron'; export const a = app;", 'electron/main/probe.ts'],
  ])('allows %s in %s', async (code, file) => {
    expect(await restrictedImports(code, file)).toBe(0);
  });
});
