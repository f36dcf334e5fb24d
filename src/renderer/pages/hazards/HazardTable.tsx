import { Table, Typography, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { Hazard } from '../../../shared/api/hazards';
import { DeadlineCell, HazardLevelTag, HazardStatusTag, TargetName, type BackState } from './display';

/** The 隐患台账's columns; `showTarget` off where the unit is the page's own (an inspection, an order, a profile). */
export function hazardColumns(options: { showTarget?: boolean; showOrder?: boolean; linkState?: BackState } = {}): ColumnsType<Hazard> {
  const stop = (event: React.MouseEvent) => event.stopPropagation();
  const columns: ColumnsType<Hazard> = [
    {
      title: '编号',
      dataIndex: 'number',
      key: 'number',
      width: 100,
      render: (number: string, row) => (
        <Link to={`/hazards/${row.id}`} state={options.linkState} onClick={stop}>
          {number}
        </Link>
      ),
    },
    { title: '单位', key: 'target', width: 190, render: (_value, row) => <TargetName target={row} /> },
    { title: '村/社区', dataIndex: 'villageName', key: 'villageName', width: 90 },
    { title: '部位', dataIndex: 'place', key: 'place', width: 100 },
    {
      title: '隐患描述',
      dataIndex: 'description',
      key: 'description',
      width: 240,
      render: (text: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ marginBottom: 0 }}>
          {text}
        </Typography.Paragraph>
      ),
    },
    { title: '等级', dataIndex: 'level', key: 'level', width: 64, render: (_value, row) => <HazardLevelTag level={row.level} /> },
    { title: '状态', dataIndex: 'status', key: 'status', width: 76, render: (_value, row) => <HazardStatusTag status={row.status} /> },
    {
      title: '整改期限',
      dataIndex: 'deadline',
      key: 'deadline',
      width: 175,
      render: (_value, row) => (row.status === '已销号' ? <Typography.Text type="secondary">{row.deadline}</Typography.Text> : <DeadlineCell deadline={row.deadline} overdue={row.overdue} extensions={row.extensions} />),
    },
    { title: '发现日期', dataIndex: 'foundOn', key: 'foundOn', width: 100 },
    {
      title: '指令书编号',
      key: 'order',
      width: 220,
      render: (_value, row) =>
        row.orderId ? (
          <Link to={`/hazards/orders/${row.orderId}`} state={options.linkState} onClick={stop} style={{ whiteSpace: 'nowrap' }}>
            {row.orderNumber}
          </Link>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];
  return columns.filter((column) => (options.showTarget !== false || (column.key !== 'target' && column.key !== 'villageName')) && (options.showOrder !== false || column.key !== 'order'));
}

/** A compact hazard table (an inspection's, an order's, a unit's). */
export function HazardTable(props: TableProps<Hazard> & { showTarget?: boolean; showOrder?: boolean; linkState?: BackState }) {
  const { showTarget, showOrder, linkState, ...rest } = props;
  return <Table<Hazard> rowKey="id" size="small" columns={hazardColumns({ showTarget, showOrder, linkState })} scroll={{ x: 'max-content' }} {...rest} />;
}
