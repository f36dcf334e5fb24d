import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { callApi } from '../api/client';
import { majorHazardNoticeFileName, majorHazardNoticeRoute, orderReviewRoute, orderSheetFileName, orderSheetRoute } from './printQuery';
import { useShellPrint } from './shellPrint';

/**
 * 打印 and 保存为PDF of one A4-portrait document, as the filing's 打印审核表 does it: in the desktop program it
 * prints from a hidden window or saves a PDF; in a browser it opens the document in this tab, whose own 打印
 * button calls window.print().
 */
function DocumentButtons({ label, route, fileName, disabled, title }: { label: string; route: string; fileName: () => Promise<string>; disabled?: boolean; title?: string }) {
  const navigate = useNavigate();
  const shell = useShellPrint();
  if (!window.api) {
    return (
      <Button icon={<PrinterOutlined />} disabled={disabled} title={title} onClick={() => navigate(route)}>
        {label}
      </Button>
    );
  }
  return (
    <Space.Compact>
      <Button icon={<PrinterOutlined />} disabled={disabled} title={title} loading={shell.busy === 'print'} onClick={() => void shell.print({ route })}>
        {label}
      </Button>
      <Button icon={<FilePdfOutlined />} disabled={disabled} loading={shell.busy === 'pdf'} onClick={() => void fileName().then((name) => shell.savePdf({ route, defaultFileName: name }))}>
        保存为PDF
      </Button>
    </Space.Compact>
  );
}

/** The file is named after the order's number; without it (the call failed) after its id. */
async function orderFileName(orderId: number, review: boolean): Promise<string> {
  const sheet = await callApi('ledgers.orderSheet', { id: orderId }).catch(() => null);
  return sheet ? orderSheetFileName(sheet, review) : `${review ? '整改复查意见书' : '责令限期整改指令书'}-${orderId}.pdf`;
}

/** 打印指令书 for an order's page. */
export function OrderSheetButton({ orderId }: { orderId: number }) {
  return <DocumentButtons label="打印指令书" route={orderSheetRoute(orderId)} fileName={() => orderFileName(orderId, false)} title="责令限期整改指令书，A4 纵向" />;
}

/** 打印复查意见书 for an order's page; disabled until the order has been reviewed. */
export function OrderReviewButton({ orderId, reviewed }: { orderId: number; reviewed: boolean }) {
  return (
    <DocumentButtons
      label="打印复查意见书"
      route={orderReviewRoute(orderId)}
      fileName={() => orderFileName(orderId, true)}
      disabled={!reviewed}
      title={reviewed ? '整改复查意见书，A4 纵向' : '登记复查意见后才能打印'}
    />
  );
}

/** `示例镇重大事故隐患情况通报-2026-06-15.pdf`, as the notice's own 保存为PDF names it. */
async function noticeFileName(villageId: number | undefined): Promise<string> {
  const notice = await callApi('ledgers.majorHazardNotice', { villageId }).catch(() => null);
  return notice ? majorHazardNoticeFileName(notice) : '重大事故隐患情况通报.pdf';
}

/** 重大隐患通报 of the town, or of one village. */
export function MajorHazardNoticeButton({ villageId }: { villageId?: number }) {
  return <DocumentButtons label="重大隐患通报" route={majorHazardNoticeRoute(villageId)} fileName={() => noticeFileName(villageId)} title="未销号的重大隐患通报，A4 纵向" />;
}
