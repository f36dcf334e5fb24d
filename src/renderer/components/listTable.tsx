import { Button, Popconfirm, Space, Tag, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { pageSizes } from './listQuery';

/**
 * The 操作 column of a register: 编辑 and 删除 (asked first; deleted records go to the 回收站). Clicks here, and
 * in the Popconfirm whose events bubble through React's tree, never reach the row (which opens the record).
 */
export function rowActionsColumn<Row>(actions: {
  onEdit: (row: Row) => void;
  onDelete: (row: Row) => void;
  /** The confirmation's question, e.g. 删除「东山化工」？ */
  confirmTitle: (row: Row) => string;
  confirmDescription?: string;
}): ColumnType<Row> {
  return {
    title: '操作',
    key: 'actions',
    width: 100,
    fixed: 'right',
    render: (_value, row) => (
      <div onClick={(event) => event.stopPropagation()}>
        <Space size={0}>
          <Button type="link" size="small" onClick={() => actions.onEdit(row)}>
            编辑
          </Button>
          <Popconfirm
            title={actions.confirmTitle(row)}
            description={actions.confirmDescription ?? '删除后可在回收站恢复。'}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => actions.onDelete(row)}
          >
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      </div>
    ),
  };
}

/** The table's paging and sorting, written to the list's state (the URL): one column sort at a time. */
export function tableChangeHandler<Row, SortField extends string>(
  update: (patch: { page: number; pageSize: number; sortField: SortField | undefined; sortOrder: 'ascend' | 'descend' | undefined }) => void,
): NonNullable<TableProps<Row>['onChange']> {
  return (pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const sortField = single?.order ? (single.field as SortField) : undefined;
    update({
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? 20,
      sortField,
      sortOrder: sortField ? (single.order ?? undefined) : undefined,
    });
  };
}

/** A quick filter that is either on or off (e.g. 只看未公开标识的储罐); antd's CheckableTag is a focusable checkbox. */
export function ToggleTag({ label, active, onToggle }: { label: string; active: boolean; onToggle: () => void }) {
  return (
    <Tag.CheckableTag checked={active} onChange={onToggle} className="toggle-filter">
      {label}
    </Tag.CheckableTag>
  );
}

/** A register's pager: the URL's page and size, the sizes offered, and the total in the register's own unit (家, 个…). */
export function listPagination(query: { page: number; pageSize: number }, total: number | undefined, unit: string): TableProps<unknown>['pagination'] {
  return {
    current: query.page,
    pageSize: query.pageSize,
    total,
    pageSizeOptions: pageSizes,
    showSizeChanger: true,
    showTotal: (count) => `共 ${count} ${unit}`,
  };
}
