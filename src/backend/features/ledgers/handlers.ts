import { defineHandlers } from '../../api/registry';
import { filingSheet, ledgerData, majorHazardNotice, orderSheet } from './service';

export const ledgerHandlers = defineHandlers({
  'ledgers.data': (input, ctx) => ledgerData(ctx, input),
  'ledgers.filingSheet': (input, ctx) => filingSheet(ctx, input.id),
  'ledgers.orderSheet': (input, ctx) => orderSheet(ctx, input.id),
  'ledgers.majorHazardNotice': (input, ctx) => majorHazardNotice(ctx, input),
});
