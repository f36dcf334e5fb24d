import { z } from 'zod';
import { method } from './contract';
import { ledgerRequestSchema } from './ledgers';

/**
 * Excel export of a ledger: takes the same request as `ledgers.data` (the list's filters, sort and columns),
 * starts a background job and returns its id; progress, cancel and the file go through `jobs.*`. Access is
 * `read` because leaders (只读) export ledgers too.
 */
export const exportsApi = {
  'exports.start': method(ledgerRequestSchema, z.object({ jobId: z.string() }), 'read'),
};
