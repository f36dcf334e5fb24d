import {
  FileExcelOutlined,
  FileImageOutlined,
  FileOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  FileZipOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { App, Button, Image, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { maxAttachmentBytes, type AttachableEntity, type Attachment } from '../../shared/api/attachments';
import { callApi, sessionStore } from '../api/client';
import { useApiQuery } from '../api/useApi';
import { useCan } from '../app/permissions';
import { fileToBase64, formatFileSize, saveFile } from './files';

interface AttachmentsPanelProps {
  entity: AttachableEntity;
  entityId: number;
  /** What files belong here, shown in the upload area. */
  hint?: string;
}

const maxMegabytes = maxAttachmentBytes / 1024 / 1024;

/** 附件 of one record: drop files to upload, photos as thumbnails with preview, the rest downloadable. */
export function AttachmentsPanel({ entity, entityId, hint = '营业执照、现场照片、安全评价报告等' }: AttachmentsPanelProps) {
  const list = useApiQuery('attachments.list', { entity, entityId });
  const { message } = App.useApp();
  const can = useCan();
  const [uploading, setUploading] = useState(0);

  async function upload(file: File) {
    // Checked here so a too-large file fails at once instead of after encoding and sending it; the backend checks again.
    if (file.size > maxAttachmentBytes) {
      message.error(`「${file.name}」大小为 ${formatFileSize(file.size)}，超过单个附件 ${maxMegabytes} MB 的上限，未上传`);
      return;
    }
    if (file.size === 0) {
      message.error(`「${file.name}」是空文件，未上传`);
      return;
    }
    setUploading((count) => count + 1);
    try {
      const dataBase64 = await fileToBase64(file);
      await callApi('attachments.upload', {
        entity,
        entityId,
        fileName: file.name,
        mimeType: file.type || 'application/octet-stream',
        dataBase64,
      });
      message.success(`已上传「${file.name}」`);
      list.reload();
    } catch (error) {
      message.error(`「${file.name}」上传失败：${(error as Error).message}`);
    } finally {
      setUploading((count) => count - 1);
    }
  }

  async function download(attachment: Attachment) {
    try {
      // In the desktop app a PDF or Word file opens in the system's own viewer; the browser downloads it.
      if (window.api) {
        const opened = await window.api.openAttachment(attachment.id, sessionStore.get()?.token ?? null);
        if (!opened.ok) message.error(opened.error ?? '无法打开文件');
        return;
      }
      const { dataBase64 } = await callApi('attachments.content', { id: attachment.id });
      saveFile(attachment.fileName, attachment.mimeType, dataBase64);
    } catch (error) {
      message.error(`下载失败：${(error as Error).message}`);
    }
  }

  async function remove(attachment: Attachment) {
    try {
      await callApi('attachments.delete', { id: attachment.id });
      message.success(`已删除「${attachment.fileName}」，可在回收站恢复`);
      list.reload();
    } catch (error) {
      message.error((error as Error).message);
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {can('attachments.upload') && (
        <Upload.Dragger
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            // The file is sent through the API above; antd must not try its own HTTP upload.
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{uploading > 0 ? `正在上传 ${uploading} 个文件…` : '点击选择文件，或将文件拖到此处上传'}</p>
          <p className="ant-upload-hint">{hint}，可一次选多个；单个文件不超过 {maxMegabytes} MB</p>
        </Upload.Dragger>
      )}
      <Image.PreviewGroup>
        <Table<Attachment>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.data}
          pagination={false}
          locale={{ emptyText: list.error ? list.error.message : '暂无附件' }}
          columns={[
            {
              title: '文件',
              dataIndex: 'fileName',
              render: (fileName: string, attachment) => (
                <Space size={12}>
                  {isImage(attachment) ? <Thumbnail attachment={attachment} /> : <span style={iconBox}>{fileIcon(fileName)}</span>}
                  <Typography.Text style={{ wordBreak: 'break-all' }}>{fileName}</Typography.Text>
                </Space>
              ),
            },
            { title: '大小', dataIndex: 'size', width: 100, align: 'right', render: formatFileSize },
            { title: '上传人', dataIndex: 'createdBy', width: 110, ellipsis: true },
            { title: '上传时间', dataIndex: 'createdAt', width: 150, render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm') },
            {
              title: '操作',
              key: 'actions',
              width: 120,
              render: (_value, attachment) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => download(attachment)}>
                    {window.api ? '打开' : '下载'}
                  </Button>
                  {can('attachments.delete') && (
                    <Popconfirm
                      title={`删除附件「${attachment.fileName}」？`}
                      description="删除后可在回收站恢复。"
                      okText="删除"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() => remove(attachment)}
                    >
                      <Button type="link" size="small" danger>
                        删除
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Image.PreviewGroup>
    </Space>
  );
}

function isImage(attachment: Attachment): boolean {
  return attachment.mimeType.startsWith('image/');
}

/** A photo's thumbnail; its bytes come through the API (there is no file URL in the browser or Electron). */
function Thumbnail({ attachment }: { attachment: Attachment }) {
  const content = useApiQuery('attachments.content', { id: attachment.id });
  const src = content.data ? `data:${attachment.mimeType};base64,${content.data.dataBase64}` : undefined;
  if (!src) {
    return (
      <span style={iconBox} aria-busy={content.loading}>
        <FileImageOutlined />
      </span>
    );
  }
  return (
    <Image
      src={src}
      alt={attachment.fileName}
      width={56}
      height={56}
      style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
      preview={{ mask: '预览' }}
    />
  );
}

/** Same box as a thumbnail, so names line up whether a row shows a photo or an icon. */
const iconBox = {
  display: 'inline-flex',
  width: 56,
  height: 56,
  alignItems: 'center',
  justifyContent: 'center',
  border: '1px solid #f0f0f0',
  borderRadius: 4,
  background: '#fafafa',
} as const;
const iconStyle = { fontSize: 28, color: '#8c8c8c' };

function fileIcon(fileName: string): ReactNode {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  if (extension === 'pdf') return <FilePdfOutlined style={{ ...iconStyle, color: '#cf1322' }} />;
  if (['doc', 'docx', 'wps'].includes(extension)) return <FileWordOutlined style={{ ...iconStyle, color: '#1d39c4' }} />;
  if (['xls', 'xlsx', 'et', 'csv'].includes(extension)) return <FileExcelOutlined style={{ ...iconStyle, color: '#389e0d' }} />;
  if (['zip', 'rar', '7z'].includes(extension)) return <FileZipOutlined style={iconStyle} />;
  return <FileOutlined style={iconStyle} />;
}
