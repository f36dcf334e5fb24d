import { PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { LedgerId } from '../../shared/ledgers/definitions';
import { openPrint, type PrintState } from './printQuery';

/**
 * A list page's 打印 button: prints the ledger with the list's current filters, sort and columns. Kept as one
 * component so each list adds a single element to its toolbar.
 */
export function PrintButton({ ledger, state }: { ledger: LedgerId; state: PrintState }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function onClick() {
    setBusy(true);
    try {
      const error = await openPrint(ledger, state, navigate);
      if (error) message.error(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void onClick()} title="按当前筛选条件打印台账">
      打印
    </Button>
  );
}
