import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { callApi } from '../api/client';
import { filingSheetFileName, filingSheetRoute } from './printQuery';
import { useShellPrint } from './shellPrint';

/**
 * 打印审核表 for a filing's page: in the desktop program it prints the 报备审核表 from a hidden window (the
 * system print dialog shows the preview) or saves it as PDF, as the ledgers' buttons do; in a browser it opens
 * the sheet in this tab, whose own 打印 button calls window.print().
 */
export function FilingSheetButton({ filingId }: { filingId: number }) {
  const navigate = useNavigate();
  const shell = useShellPrint();
  const route = filingSheetRoute(filingId);

  if (!window.api) {
    return (
      <Button icon={<PrinterOutlined />} onClick={() => navigate(route)} title="A4 纵向，可签字存档">
        打印审核表
      </Button>
    );
  }

  async function savePdf() {
    // The file is named after the filing's number; without it (the call failed) after its id.
    const sheet = await callApi('ledgers.filingSheet', { id: filingId }).catch(() => null);
    const defaultFileName = sheet ? filingSheetFileName(sheet) : `特殊作业报备审核表-${filingId}.pdf`;
    await shell.savePdf({ route, defaultFileName });
  }

  return (
    <Space.Compact>
      <Button icon={<PrinterOutlined />} loading={shell.busy === 'print'} onClick={() => void shell.print({ route })} title="A4 纵向，可签字存档">
        打印审核表
      </Button>
      <Button icon={<FilePdfOutlined />} loading={shell.busy === 'pdf'} onClick={() => void savePdf()}>
        保存为PDF
      </Button>
    </Space.Compact>
  );
}
