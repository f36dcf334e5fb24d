import { Table, Typography, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { PlanRow } from '../../../shared/api/plans';
import { DueTag, FilingDueTag, OwnerName, PlanStatusTag } from './display';

/** A plan register's columns; `showOwner` off where the owner is the page's own (an enterprise profile). */
export function planColumns(options: { showOwner?: boolean; linkState?: unknown } = {}): ColumnsType<PlanRow> {
  const columns: ColumnsType<PlanRow> = [
    {
      title: '预案名称',
      dataIndex: 'name',
      key: 'name',
      width: 260,
      render: (name: string, row) => (
        <Link to={`/plans/${row.id}`} state={options.linkState} onClick={(event) => event.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: '所属单位',
      key: 'owner',
      width: 240,
      render: (_value, row) => <OwnerName owner={row} showVillage />,
    },
    { title: '类别', dataIndex: 'kind', key: 'kind', width: 110 },
    {
      title: '版本',
      key: 'version',
      width: 110,
      render: (_value, row) => (
        <span>
          {row.version}
          {row.versionCount > 1 && <Typography.Text type="secondary">（共{row.versionCount}版）</Typography.Text>}
        </span>
      ),
    },
    { title: '发布日期', dataIndex: 'issuedOn', key: 'issuedOn', width: 110 },
    { title: '备案', key: 'filing', width: 170, render: (_value, row) => <FilingDueTag due={row.due} filingOn={row.filingOn} /> },
    {
      title: '下次评估',
      key: 'nextEvaluation',
      width: 170,
      render: (_value, row) => <DueTag {...row.due.evaluation} rule="第三十五条：每三年至少评估一次" />,
    },
    {
      title: '下次演练',
      key: 'nextDrill',
      width: 170,
      render: (_value, row) => <DueTag {...row.due.drill} rule={row.due.drill.rule} />,
    },
    { title: '状态', dataIndex: 'status', key: 'status', width: 80, render: (_value, row) => <PlanStatusTag status={row.status} /> },
  ];
  return options.showOwner === false ? columns.filter((column) => column.key !== 'owner') : columns;
}

/** A compact plan table (enterprise profile). */
export function PlanTable(props: TableProps<PlanRow> & { showOwner?: boolean }) {
  const { showOwner, ...rest } = props;
  return <Table<PlanRow> rowKey="id" size="small" columns={planColumns({ showOwner })} scroll={{ x: 'max-content' }} {...rest} />;
}
