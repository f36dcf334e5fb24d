import { Button, Card, DatePicker, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { In } from '../../../shared/api';
import {
  auditActionLabels,
  auditActions,
  auditEntities,
  auditEntityLabels,
  type AuditAction,
  type AuditEntity,
  type AuditEntry,
} from '../../../shared/api/audit';
import { useApiQuery } from '../../api/useApi';
import { changeLines, hasMoreDetail, summarize } from './auditChanges';

type ListInput = In<'audit.list'>;

const actionColors: Record<AuditAction, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'cyan',
  purge: 'magenta',
};

const firstPage: ListInput = { page: 1, pageSize: 20 };

/**
 * 操作日志: who changed what and when, searchable for the administrator. Read-only by design — the backend has
 * no method that edits or deletes an entry, so neither does this page.
 */
export function AuditLogPage() {
  const [query, setQuery] = useState<ListInput>(firstPage);
  // The search box and the date range keep their own state so “清空筛选” can reset what they show.
  const [keyword, setKeyword] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const list = useApiQuery('audit.list', query);
  const users = useApiQuery('users.list', {});

  const filter = (changes: Partial<ListInput>) => setQuery((previous) => ({ ...previous, ...changes, page: 1 }));
  const filtered = Boolean(query.q || query.entity || query.action || query.userId || query.from || query.to);

  function changeRange(value: [Dayjs | null, Dayjs | null] | null) {
    setRange(value);
    // Whole days in local time, sent as the instants the backend stores (ISO, UTC); `to` covers the last day.
    filter({ from: value?.[0]?.startOf('day').toISOString(), to: value?.[1]?.endOf('day').toISOString() });
  }

  function clearFilters() {
    setKeyword('');
    setRange(null);
    setQuery((previous) => ({ page: 1, pageSize: previous.pageSize }));
  }

  const columns = useMemo<ColumnsType<AuditEntry>>(
    () => [
      {
        title: '时间',
        dataIndex: 'at',
        width: 160,
        render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
      },
      { title: '操作人', dataIndex: 'userName', width: 100, ellipsis: true },
      {
        title: '操作',
        dataIndex: 'action',
        width: 90,
        render: (action: AuditAction) => <Tag color={actionColors[action]}>{auditActionLabels[action]}</Tag>,
      },
      { title: '类别', dataIndex: 'entity', width: 90, render: (entity: AuditEntity) => auditEntityLabels[entity] },
      { title: '记录', dataIndex: 'entityTitle', width: 180, ellipsis: true },
      {
        title: '变更内容',
        key: 'changes',
        render: (_value, entry) => <ChangeSummary entry={entry} />,
      },
    ],
    [],
  );

  return (
    <Card title="操作日志" variant="borderless">
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        系统自动记录每一次新增、修改、删除、恢复和彻底删除，记录不能修改或删除。
      </Typography.Paragraph>
      <div className="page-toolbar">
        <Input.Search
          aria-label="关键词"
          placeholder="搜索记录名称或操作人"
          allowClear
          style={{ width: 240 }}
          value={keyword}
          onChange={(event) => setKeyword(event.target.value)}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
        />
        <Select
          aria-label="类别"
          placeholder="全部类别"
          allowClear
          style={{ width: 120 }}
          value={query.entity}
          options={auditEntities.map((entity) => ({ label: auditEntityLabels[entity], value: entity }))}
          onChange={(entity?: AuditEntity) => filter({ entity })}
        />
        <Select
          aria-label="操作"
          placeholder="全部操作"
          allowClear
          style={{ width: 120 }}
          value={query.action}
          options={auditActions.map((action) => ({ label: auditActionLabels[action], value: action }))}
          onChange={(action?: AuditAction) => filter({ action })}
        />
        <Select
          aria-label="操作人"
          placeholder="全部操作人"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 160 }}
          value={query.userId}
          loading={users.loading}
          options={users.data?.map((user) => ({ label: `${user.displayName}（${user.username}）`, value: user.id }))}
          onChange={(userId?: number) => filter({ userId })}
        />
        <DatePicker.RangePicker
          aria-label="时间范围"
          value={range}
          allowEmpty={[true, true]}
          onChange={(value) => changeRange(value)}
          presets={[
            { label: '今天', value: [dayjs(), dayjs()] },
            { label: '最近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
            { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
          ]}
        />
        {filtered && (
          <Button type="link" onClick={clearFilters}>
            清空筛选
          </Button>
        )}
        <span className="spacer" />
        <Typography.Text type="secondary">共 {list.data?.total ?? 0} 条</Typography.Text>
      </div>
      <Table<AuditEntry>
        rowKey="id"
        // Marks the log's own rows apart from the rows of an expanded entry's detail table.
        rowClassName="audit-entry"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        // A fixed minimum, not max-content: the 变更内容 column takes what is left and wraps, so a long change
        // never pushes the table past the window on an office screen.
        scroll={{ x: 1000 }}
        expandable={{
          expandedRowRender: (entry) => <ChangeDetail entry={entry} />,
          rowExpandable: (entry) => hasMoreDetail(changeLines(entry)),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setQuery((previous) => ({ ...previous, page, pageSize })),
        }}
        locale={{ emptyText: list.error ? list.error.message : filtered ? '没有符合条件的记录' : '暂无操作记录' }}
      />
    </Card>
  );
}

/** The cell: up to three “字段：旧 → 新”, then “等 N 项”. */
function ChangeSummary({ entry }: { entry: AuditEntry }) {
  const lines = changeLines(entry);
  if (lines.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const { shown, total } = summarize(lines);
  return (
    <div className="audit-changes" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
      {shown.join('；')}
      {total && <Typography.Text type="secondary">{` ${total}`}</Typography.Text>}
    </div>
  );
}

/** The expanded row: every change with its whole values. */
function ChangeDetail({ entry }: { entry: AuditEntry }) {
  const lines = changeLines(entry);
  const showBefore = lines.some((line) => line.before !== null);
  return (
    <Table
      className="audit-change-detail"
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={lines}
      style={{ maxWidth: 900 }}
      columns={[
        { title: '字段', dataIndex: 'label', width: 140 },
        ...(showBefore ? [{ title: '原值', dataIndex: 'before', render: (before: string | null) => before ?? '' }] : []),
        { title: showBefore ? '新值' : '内容', dataIndex: 'after' },
      ]}
    />
  );
}
