import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { IdleSite, IdleSiteFields } from '../../../shared/api/idleSites';
import {
  idleSiteDisposals,
  idleSiteFindings,
  idleSiteKinds,
  type IdleSiteFinding,
} from '../../../shared/domain/idleSite';
import { useApiQuery } from '../../api/useApi';
import { ExportButton } from '../../components/ExportButton';
import { ImportWizard } from '../../components/imports/ImportWizard';
import { PrintButton } from '../../print/PrintButton';
import { useCan } from '../../app/permissions';
import { useListShortcuts } from '../../components/listHooks';
import { ChoiceFilter, VillageFilter } from '../../components/ListFilters';
import { ListSearchBox } from '../../components/ListSearchBox';
import { rowActionsColumn, tableChangeHandler, listPagination } from '../../components/listTable';
import { DisposalTag, FindingTag, personWithPhone } from './display';
import { IdleSiteFormModal } from './IdleSiteForm';
import {
  hasActiveFilters,
  readIdleSiteFilters,
  readIdleSiteListQuery,
  writeIdleSiteListQuery,
  type IdleSiteListQuery,
} from './listParams';
import { IdleSiteSummaryCard } from './SummaryCard';
import { useDeleteIdleSite } from './useDeleteIdleSite';

type Editing = { mode: 'create' } | { mode: 'edit'; site: IdleSite } | null;

/** Where the detail page's back link returns to when it was not opened from the list (e.g. after a reload). */
export const lastListSearchKey = 'anjian.idleSites.listSearch';

export function IdleSiteList() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readIdleSiteListQuery(params), [params]);
  const list = useApiQuery('idleSites.list', query);
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  // Bumped after every write so the summary card counts again.
  const [version, setVersion] = useState(0);
  const navigate = useNavigate();
  const can = useCan();
  const canWrite = can('idleSites.update');
  const deleteSite = useDeleteIdleSite();
  const searchRef = useRef<HTMLInputElement>(null);

  /** Changes the list state in the URL; any change but paging goes back to page 1. */
  function update(patch: Partial<IdleSiteListQuery>, options: { replace?: boolean } = {}) {
    setParams(writeIdleSiteListQuery({ ...query, page: 1, ...patch }), { replace: options.replace });
  }

  useEffect(() => {
    sessionStorage.setItem(lastListSearchKey, params.toString());
  }, [params]);

  useListShortcuts({ paused: !!(editing || importing), canCreate: canWrite, onCreate: () => setEditing({ mode: 'create' }), searchRef });

  function reload() {
    list.reload();
    setVersion((value) => value + 1);
  }

  async function remove(site: IdleSite) {
    if (!(await deleteSite(site))) return;
    // Deleting the only row of the last page would leave staff looking at an empty page.
    if (list.data?.items.length === 1 && query.page > 1) update({ page: query.page - 1 });
    else reload();
  }

  function order(field: NonNullable<IdleSiteListQuery['sortField']>) {
    return query.sortField === field ? query.sortOrder : null;
  }

  const columns: ColumnsType<IdleSite> = [
    {
      title: '序号',
      key: 'index',
      width: 50,
      render: (_value, _row, index) => (query.page - 1) * query.pageSize + index + 1,
    },
    {
      title: '场所名称',
      dataIndex: 'name',
      width: 210,
      sorter: true,
      sortOrder: order('name'),
      render: (name: string, row) => (
        <div className="idle-site-name">
          <Space size={4} wrap={false}>
            <Link to={`/idle-sites/${row.id}`} state={{ listSearch: params.toString() }} onClick={(event) => event.stopPropagation()}>
              {name}
            </Link>
            {row.tankCount > 0 && <Tag color="geekblue">储罐{row.tankCount}</Tag>}
          </Space>
          {row.address && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: row.address }} className="idle-site-address">
              {row.address}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: '类型', dataIndex: 'kind', width: 64 },
    { title: '所属村/社区', dataIndex: 'villageName', width: 96, ellipsis: true },
    {
      title: '户主/产权人',
      key: 'owner',
      width: 140,
      ellipsis: true,
      render: (_value, row) => personWithPhone(row.ownerName, row.ownerPhone),
    },
    {
      title: '排查发现',
      dataIndex: 'finding',
      width: 92,
      render: (finding: IdleSiteFinding) => <FindingTag finding={finding} />,
    },
    {
      title: '处置情况',
      key: 'disposal',
      width: 120,
      render: (_value, row) => (
        <Space size={4} wrap={false}>
          <DisposalTag disposal={row.disposal} />
          {row.sealed && row.disposal !== '贴封条' && (
            <Tag color="magenta" title="已贴封条">
              封
            </Tag>
          )}
          {row.sampled && (
            <Tag color="blue" title="已抽样化验">
              样
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: '排查日期',
      dataIndex: 'foundOn',
      width: 104,
      sorter: true,
      sortOrder: order('foundOn'),
    },
    {
      title: '最近排查',
      dataIndex: 'lastInspectedOn',
      width: 100,
      render: (value: string | null, row) => (value ? <span title={`共 ${row.inspectionCount} 次排查记录`}>{value}</span> : '—'),
    },
  ];
  if (canWrite) {
    columns.push(
      rowActionsColumn<IdleSite>({
        onEdit: (site) => setEditing({ mode: 'edit', site }),
        onDelete: remove,
        confirmTitle: (site) => `删除「${site.name}」？`,
      }),
    );
  }

  const onTableChange = tableChangeHandler<IdleSite, NonNullable<IdleSiteListQuery['sortField']>>(update);

  const createDefaults = useMemo<Partial<IdleSiteFields> | undefined>(
    () => (query.villageId ? { villageId: query.villageId } : undefined),
    [query.villageId],
  );

  return (
    <Card title="四闲场所排查整治" variant="borderless">
      <IdleSiteSummaryCard key={version} villageId={query.villageId} from={query.foundFrom} to={query.foundTo} />
      <div className="page-toolbar">
        <ListSearchBox q={query.q} onSearch={(q) => update({ q }, { replace: true })} label="搜索四闲场所" placeholder="搜索场所名称/地址/户主" width={300} searchRef={searchRef} />
        <DatePicker.RangePicker
          aria-label="排查日期"
          placeholder={['排查日期起', '排查日期止']}
          style={{ width: 260 }}
          value={[query.foundFrom ? dayjs(query.foundFrom) : null, query.foundTo ? dayjs(query.foundTo) : null]}
          allowEmpty={[true, true]}
          onChange={(range) =>
            update({ foundFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined, foundTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
          }
        />
        <span className="spacer" />
        <PrintButton ledger="idleSites" state={{ filters: readIdleSiteFilters(params), sortField: query.sortField, sortOrder: query.sortOrder }} />
        <ExportButton request={{ ledger: 'idleSites', filters: readIdleSiteFilters(params), sortField: query.sortField, sortOrder: query.sortOrder }} />
        {can('imports.start') && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            导入Excel
          </Button>
        )}
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
            新增（Ctrl+N）
          </Button>
        )}
      </div>
      <div className="page-toolbar">
        <VillageFilter width={150} value={query.villageId} onChange={(villageId) => update({ villageId })} />
        <ChoiceFilter label="场所类型" placeholder="全部类型" width={110} values={idleSiteKinds} value={query.kind} onChange={(kind) => update({ kind })} />
        <ChoiceFilter label="排查发现" placeholder="全部排查发现" width={130} values={idleSiteFindings} value={query.finding} onChange={(finding) => update({ finding })} />
        <ChoiceFilter label="处置情况" placeholder="全部处置情况" width={130} values={idleSiteDisposals} value={query.disposal} onChange={(disposal) => update({ disposal })} />
        {hasActiveFilters(query) && (
          <Button type="link" onClick={() => setParams(writeIdleSiteListQuery({ page: 1, pageSize: query.pageSize }))}>
            重置筛选
          </Button>
        )}
        <span className="spacer" />
        <Typography.Text type="secondary">
          共 <Typography.Text strong>{list.data?.total ?? 0}</Typography.Text> 处
        </Typography.Text>
      </div>
      <Table<IdleSite>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.loading}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        rowClassName={() => 'clickable-row'}
        onRow={(site) => ({
          onClick: () => {
            // Selecting text to copy (an address, a phone number) is not a request to open the site.
            if (window.getSelection()?.toString()) return;
            navigate(`/idle-sites/${site.id}`, { state: { listSearch: params.toString() } });
          },
        })}
        pagination={listPagination(query, list.data?.total, '处')}
        locale={{
          emptyText: list.error
            ? list.error.message
            : hasActiveFilters(query)
              ? '没有符合条件的四闲场所'
              : canWrite
                ? '暂无四闲场所，点击“新增”登记排查到的闲置厂房、院落、仓库、场地'
                : '暂无四闲场所',
        }}
      />
      <IdleSiteFormModal
        open={editing !== null}
        site={editing?.mode === 'edit' ? editing.site : null}
        defaults={createDefaults}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
      {importing && (
        <ImportWizard
          entity="idleSites"
          onClose={() => setImporting(false)}
          onImported={() => {
            list.reload();
            setVersion((value) => value + 1);
          }}
        />
      )}
    </Card>
  );
}
