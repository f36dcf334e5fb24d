import { Table, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import type { FilingRow } from '../../../shared/api/filings';
import { FilingFlags, FilingKindTag, FilingStatusTag, windowText } from './display';

/** The columns every filing table shares (board, register, enterprise and tank tabs). */
export function filingColumns(options: { showEnterprise?: boolean; linkState?: unknown } = {}): ColumnsType<FilingRow> {
  const columns: ColumnsType<FilingRow> = [
    {
      title: '报备编号',
      dataIndex: 'number',
      width: 104,
      render: (number: string, row) => (
        <Link to={`/filings/${row.id}`} state={options.linkState} onClick={(event) => event.stopPropagation()}>
          {number}
        </Link>
      ),
    },
    {
      title: '作业时间',
      key: 'window',
      width: 180,
      render: (_value, row) => <span className="filing-window">{windowText(row.plannedStart, row.plannedEnd)}</span>,
    },
  ];
  if (options.showEnterprise !== false) {
    columns.push(
      {
        title: '企业',
        dataIndex: 'enterpriseName',
        width: 200,
        ellipsis: true,
        render: (name: string, row) => (
          <Link to={`/enterprises/${row.enterpriseId}`} onClick={(event) => event.stopPropagation()}>
            {name}
          </Link>
        ),
      },
      { title: '村/社区', dataIndex: 'villageName', width: 96, ellipsis: true },
    );
  }
  columns.push(
    { title: '作业类别', key: 'kind', width: 110, render: (_value, row) => <FilingKindTag kind={row.kind} grade={row.grade} /> },
    { title: '作业地点', dataIndex: 'place', width: 170, ellipsis: true },
    { title: '状态', dataIndex: 'status', width: 100, render: (_value, row) => <FilingStatusTag status={row.status} /> },
    { title: '提示', key: 'flags', width: 150, render: (_value, row) => <FilingFlags row={row} /> },
  );
  return columns;
}

/** A compact filing table whose rows open the filing. */
export function FilingTable(props: TableProps<FilingRow> & { showEnterprise?: boolean; linkState?: unknown }) {
  const navigate = useNavigate();
  const { showEnterprise, linkState, ...rest } = props;
  return (
    <Table<FilingRow>
      rowKey="id"
      size="small"
      columns={filingColumns({ showEnterprise, linkState })}
      scroll={{ x: 'max-content' }}
      rowClassName={(row) => (row.flags.length ? 'clickable-row filing-flagged' : 'clickable-row')}
      onRow={(row) => ({
        onClick: () => {
          if (window.getSelection()?.toString()) return;
          navigate(`/filings/${row.id}`, { state: linkState });
        },
      })}
      locale={{ emptyText: <Typography.Text type="secondary">没有作业</Typography.Text> }}
      {...rest}
    />
  );
}
