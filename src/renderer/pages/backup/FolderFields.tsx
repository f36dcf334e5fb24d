import { DesktopOutlined, FolderOpenOutlined, FolderOutlined, ReloadOutlined, UsbOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Space, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { BackupTarget } from '../../../shared/api/backup';
import type { ApiQuery } from '../../api/useApi';
import { formatFileSize } from '../../components/files';

/** The radio value of “其他文件夹” (a target's value is its path, which is never this). */
export const otherFolder = 'other';

/** The fields `FolderFields` adds to a form. */
export interface FolderValues {
  /** A target's path, or `otherFolder`. */
  target?: string;
  /** The typed (or browsed) folder when `target` is `otherFolder`. */
  folder?: string;
}

/** The folder the form's choice stands for, and whether it is a removable drive; null if nothing usable is chosen. */
export function chosenFolder(values: FolderValues, targets: BackupTarget[] | undefined): { folder: string; removable: boolean } | null {
  if (values.target === otherFolder) {
    const folder = values.folder?.trim();
    return folder ? { folder, removable: false } : null;
  }
  const target = targets?.find((candidate) => candidate.path === values.target);
  return target ? { folder: target.path, removable: target.kind === 'removable' } : null;
}

/** Where a backup error about `folder` shows: under the path input when one is typed, else under the choice. */
export function folderFieldOf(values: FolderValues) {
  return (field: string) => (field === 'folder' && values.target !== otherFolder ? 'target' : field);
}

const kindIcons: Record<BackupTarget['kind'], ReactNode> = {
  removable: <UsbOutlined />,
  local: <DesktopOutlined />,
  folder: <FolderOutlined />,
};

function TargetOption({ target }: { target: BackupTarget }) {
  const space =
    target.freeBytes === null
      ? null
      : `可用 ${formatFileSize(target.freeBytes)}${target.totalBytes ? ` / 共 ${formatFileSize(target.totalBytes)}` : ''}`;
  return (
    <span className="backup-target">
      <span className="backup-target-title">
        {kindIcons[target.kind]} <Typography.Text strong>{target.label}</Typography.Text>
        {space && <Typography.Text type="secondary">{space}</Typography.Text>}
      </span>
      <Typography.Text type="secondary" className="backup-target-path">
        {target.path}
      </Typography.Text>
    </span>
  );
}

/**
 * Where to back up to, or where to look for backups: the removable drives and the automatic-backup folder the
 * backend found, or any folder typed in. The browser build has no folder dialog, so the path is typed; inside
 * Electron a 浏览… button opens the system's.
 */
export function FolderFields({ form, targets, label }: { form: FormInstance; targets: ApiQuery<'backup.targets'>; label: string }) {
  const target = Form.useWatch<string | undefined>('target', form);
  const removableFound = targets.data?.some((candidate) => candidate.kind === 'removable');

  async function browse() {
    const picked = await window.api?.openFolderDialog({ title: label });
    if (picked) form.setFieldsValue({ target: otherFolder, folder: picked });
  }

  return (
    <>
      <Form.Item
        name="target"
        label={label}
        rules={[
          {
            validator: (_rule, value?: string) => {
              if (!value) return Promise.reject(new Error('请选择位置'));
              if (value !== otherFolder && !targets.data?.some((candidate) => candidate.path === value)) {
                return Promise.reject(new Error('该位置已不可用（U盘是否已拔出？），请重新选择'));
              }
              return Promise.resolve();
            },
          },
        ]}
        extra={
          <Space size={4} wrap>
            <span>{targets.error ? `无法列出可用位置：${targets.error.message}` : removableFound ? '插入或拔出U盘后请刷新。' : '未检测到U盘（移动介质）；插入后请刷新。'}</span>
            <Button type="link" size="small" icon={<ReloadOutlined />} loading={targets.loading} onClick={targets.reload}>
              刷新
            </Button>
          </Space>
        }
      >
        <Radio.Group className="backup-targets">
          {(targets.data ?? []).map((candidate) => (
            <Radio key={candidate.path} value={candidate.path}>
              <TargetOption target={candidate} />
            </Radio>
          ))}
          <Radio value={otherFolder}>
            <span className="backup-target">
              <span className="backup-target-title">
                <FolderOutlined /> <Typography.Text strong>其他文件夹</Typography.Text>
              </span>
              <Typography.Text type="secondary" className="backup-target-path">
                输入文件夹的完整路径
              </Typography.Text>
            </span>
          </Radio>
        </Radio.Group>
      </Form.Item>
      {target === otherFolder && (
        <Form.Item label="文件夹路径" required>
          <Space.Compact block>
            <Form.Item name="folder" noStyle rules={[{ required: true, whitespace: true, message: '请输入文件夹路径' }]}>
              <Input aria-label="文件夹路径" placeholder="如 E:\安监台账备份" maxLength={1000} autoComplete="off" />
            </Form.Item>
            {window.api && (
              <Button icon={<FolderOpenOutlined />} onClick={() => void browse()}>
                浏览…
              </Button>
            )}
          </Space.Compact>
        </Form.Item>
      )}
    </>
  );
}
