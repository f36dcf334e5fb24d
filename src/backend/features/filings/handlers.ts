import { defineHandlers } from '../../api/registry';
import {
  checkFields,
  createFiling,
  filingBoard,
  filingCalendar,
  filingHistory,
  getFiling,
  listFilings,
  softDeleteFiling,
  transitionFiling,
  updateFiling,
} from './service';

export const filingHandlers = defineHandlers({
  'filings.list': (input, ctx) => listFilings(ctx, input),
  'filings.get': (input, ctx) => getFiling(ctx, input.id),
  'filings.check': ({ id, ...fields }, ctx) => checkFields(ctx, fields, id),
  'filings.create': (input, ctx) => createFiling(ctx, input),
  'filings.update': (input, ctx) => updateFiling(ctx, input),
  'filings.delete': (input, ctx) => {
    softDeleteFiling(ctx, input.id);
    return { ok: true as const };
  },
  'filings.transition': (input, ctx) => transitionFiling(ctx, input),
  'filings.history': (input, ctx) => filingHistory(ctx, input.id),
  'filings.board': (input, ctx) => filingBoard(ctx, input),
  'filings.calendar': (input, ctx) => filingCalendar(ctx, input),
});
