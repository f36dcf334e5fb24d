import { defineHandlers } from '../../api/registry';
import { filingSheet, ledgerData } from './service';

export const ledgerHandlers = defineHandlers({
  'ledgers.data': (input, ctx) => ledgerData(ctx, input),
  'ledgers.filingSheet': (input, ctx) => filingSheet(ctx, input.id),
});
