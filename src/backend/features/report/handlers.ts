import { defineHandlers } from '../../api/registry';
import { getOfficeSettings } from '../settings/service';
import { buildReportDocx, reportFileName } from './docx';
import { generateReport } from './service';

/** 工作汇报: the report of a period, and the edited report as a Word file. */
export const reportHandlers = defineHandlers({
  'report.generate': (input, ctx) => generateReport(ctx, input),
  'report.exportDocx': async (input, ctx) => ({
    fileName: reportFileName(input.document.title),
    dataBase64: (await buildReportDocx(input.document, { creator: getOfficeSettings(ctx).orgName || undefined })).toString('base64'),
  }),
});
