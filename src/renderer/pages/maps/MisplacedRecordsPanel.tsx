import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Segmented, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { MisplacedRecord } from '../../../shared/api/maps';
import { useApiQuery } from '../../api/useApi';

const kindLabels: Record<MisplacedRecord['kind'], string> = { enterprise: '企业', idleSite: '四闲场所', tank: '储罐' };
const kindRoutes: Record<MisplacedRecord['kind'], string> = { enterprise: '/enterprises', idleSite: '/idle-sites', tank: '/tanks' };

type ProblemFilter = 'all' | MisplacedRecord['problem'];

function problemText(row: MisplacedRecord): string {
  return row.problem === 'outside' ? '不在任何村/社区范围内' : `位于 ${row.foundInVillageName ?? '其他村/社区'}`;
}

/**
 * 坐标核查: located records whose point lies outside every village polygon, or inside another village than the one
 * they are filed under — usually a mistyped digit or a GCJ-02/BD-09 coordinate entered as WGS84. Each name opens
 * the record, where 在地图上选点 fixes it; 重新核查 checks again afterwards.
 */
export function MisplacedRecordsPanel() {
  const query = useApiQuery('maps.misplacedRecords', {});
  const [filter, setFilter] = useState<ProblemFilter>('all');
  const rows = useMemo(() => query.data?.rows ?? [], [query.data]);
  const counts = useMemo(
    () => ({ outside: rows.filter((row) => row.problem === 'outside').length, otherVillage: rows.filter((row) => row.problem === 'otherVillage').length }),
    [rows],
  );
  const shown = useMemo(() => (filter === 'all' ? rows : rows.filter((row) => row.problem === filter)), [rows, filter]);

  return (
    <div>
      <div className="page-toolbar">
        {query.data ? (
          <Typography.Text>
            已核查 {query.data.checked} 条带坐标的记录，{rows.length} 条有问题
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">正在核查…</Typography.Text>
        )}
        <Segmented<ProblemFilter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `全部（${rows.length}）` },
            { value: 'outside', label: `不在任何村/社区（${counts.outside}）` },
            { value: 'otherVillage', label: `与所属村/社区不一致（${counts.otherVillage}）` },
          ]}
        />
        <span className="spacer" />
        <Button icon={<ReloadOutlined />} loading={query.loading} onClick={query.reload}>
          重新核查
        </Button>
      </div>
      {query.error && <Alert type="error" showIcon title="核查失败" description={query.error.message} style={{ marginBottom: 12 }} />}
      {query.data && rows.length === 0 ? (
        <Empty description="全部坐标均在所属村/社区范围内" />
      ) : (
        <Table<MisplacedRecord>
          rowKey={(row) => `${row.kind}:${row.id}`}
          size="middle"
          loading={query.loading}
          dataSource={shown}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 条` }}
          locale={{ emptyText: '没有此类问题的记录' }}
          columns={[
            { title: '类型', dataIndex: 'kind', width: 110, render: (kind: MisplacedRecord['kind']) => <Tag>{kindLabels[kind]}</Tag> },
            { title: '名称', dataIndex: 'name', render: (name: string, row) => <Link to={`${kindRoutes[row.kind]}/${row.id}`}>{name}</Link> },
            { title: '所属村/社区', dataIndex: 'villageName', width: 160 },
            {
              title: '经纬度',
              key: 'position',
              width: 220,
              render: (_value, row) => (
                <Typography.Text copyable={{ text: `${row.longitude.toFixed(6)}, ${row.latitude.toFixed(6)}`, tooltips: ['复制', '已复制'] }}>
                  {row.longitude.toFixed(6)}, {row.latitude.toFixed(6)}
                </Typography.Text>
              ),
            },
            {
              title: '问题',
              dataIndex: 'problem',
              width: 240,
              render: (_problem: MisplacedRecord['problem'], row) => <Typography.Text type="warning">{problemText(row)}</Typography.Text>,
            },
          ]}
        />
      )}
    </div>
  );
}
