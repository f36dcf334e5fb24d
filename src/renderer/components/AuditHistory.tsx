import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { auditActionLabels, type AuditAction, type AuditEntity, type AuditEntry, type FieldChange } from '../../shared/api/audit';
import { useApiQuery } from '../api/useApi';

interface AuditHistoryProps {
  entity: AuditEntity;
  entityId: number;
  /** Chinese names of the record's fields; a field without one is shown by its identifier. */
  labels?: Partial<Record<string, string>>;
  /** How a recorded value reads to staff (enum labels, units); the default covers empty, 是/否 and lists. */
  formatValue?: (field: string, value: unknown) => ReactNode;
  /** Fields recorded but not worth showing (e.g. an id whose name is recorded beside it). */
  hiddenFields?: readonly string[];
}

const actionColors: Record<AuditAction, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'cyan',
  purge: 'magenta',
};

export function defaultFormatValue(_field: string, value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') return '空';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length ? value.map(String).join('、') : '空';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** 变更记录 of one record: who changed what and when, newest first, each changed field as 旧值 → 新值. */
export function AuditHistory({ entity, entityId, labels = {}, formatValue = defaultFormatValue, hiddenFields = [] }: AuditHistoryProps) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const history = useApiQuery('audit.forRecord', { entity, entityId, ...paging });

  const visible = (changes: FieldChange[]) => changes.filter((change) => !hiddenFields.includes(change.field));
  const label = (field: string) => labels[field] ?? field;
  const value = (field: string, raw: unknown) => {
    const shown = formatValue(field, raw);
    return shown === '空' ? <Typography.Text type="secondary">空</Typography.Text> : shown;
  };

  function describe(entry: AuditEntry): ReactNode {
    const changes = visible(entry.changes);
    if (entry.action === 'update') {
      return (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {changes.map((change) => (
            <li key={change.field}>
              <Typography.Text strong>{label(change.field)}</Typography.Text>：{value(change.field, change.before)}
              <Typography.Text type="secondary"> → </Typography.Text>
              {value(change.field, change.after)}
            </li>
          ))}
        </ul>
      );
    }
    if (entry.action === 'create') {
      // The first version, as filled in: the empty fields say nothing, the rest collapse to two lines.
      const filled = changes.filter((change) => change.after !== null && change.after !== '' && change.after !== undefined);
      if (filled.length === 0) return <Typography.Text type="secondary">新建记录</Typography.Text>;
      const summary = filled.map((change) => `${label(change.field)}：${textOf(formatValue(change.field, change.after))}`).join('；');
      return (
        <Typography.Paragraph
          type="secondary"
          style={{ marginBottom: 0 }}
          ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (expanded: boolean) => (expanded ? '收起' : '展开') }}
        >
          新建记录。{summary}
        </Typography.Paragraph>
      );
    }
    return <Typography.Text type="secondary">{entry.action === 'delete' ? '移入回收站' : entry.action === 'restore' ? '从回收站恢复' : '彻底删除'}</Typography.Text>;
  }

  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      loading={history.loading}
      dataSource={history.data?.items}
      locale={{ emptyText: history.error ? history.error.message : '暂无变更记录' }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: history.data?.total,
        hideOnSinglePage: true,
        showTotal: (total) => `共 ${total} 条`,
        onChange: (page, pageSize) => setPaging({ page, pageSize }),
      }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
        { title: '操作人', dataIndex: 'userName', width: 110, ellipsis: true },
        {
          title: '操作',
          dataIndex: 'action',
          width: 90,
          render: (action: AuditAction) => <Tag color={actionColors[action]}>{auditActionLabels[action]}</Tag>,
        },
        { title: '内容', key: 'changes', render: (_value, entry) => describe(entry) },
      ]}
    />
  );
}

/** Collapsed summaries need plain text; a custom formatter may return an element. */
function textOf(node: ReactNode): string {
  return typeof node === 'string' || typeof node === 'number' ? String(node) : '…';
}
