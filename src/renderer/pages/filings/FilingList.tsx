import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { FilingRow } from '../../../shared/api/filings';
import { filingStatuses, specialWorkKinds } from '../../../shared/domain/specialWork';
import { useApiQuery } from '../../api/useApi';
import { useCan } from '../../app/permissions';
import { ExportButton } from '../../components/ExportButton';
import { ImportWizard } from '../../components/imports/ImportWizard';
import { EnterprisePicker } from '../../components/RecordPickers';
import { useListShortcuts } from '../../components/listHooks';
import { ChoiceFilter, VillageFilter } from '../../components/ListFilters';
import { ListSearchBox } from '../../components/ListSearchBox';
import { tableChangeHandler, ToggleTag, listPagination } from '../../components/listTable';
import { PrintButton } from '../../print/PrintButton';
import { filingColumns } from './FilingTable';
import {
  filingFiltersOf,
  hasActiveFilingFilters,
  lastFilingListSearchKey,
  readFilingListQuery,
  writeFilingListQuery,
  type FilingListQuery,
} from './listParams';

/** 特殊作业报备登记台账: every filing, searchable and filtered, newest window first. */
export function FilingList() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readFilingListQuery(params), [params]);
  const filters = useMemo(() => filingFiltersOf(query), [query]);
  const list = useApiQuery('filings.list', query);
  const navigate = useNavigate();
  const can = useCan();
  const canWrite = can('filings.create');
  const [importing, setImporting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  function update(patch: Partial<FilingListQuery>, options: { replace?: boolean } = {}) {
    setParams(writeFilingListQuery({ ...query, page: 1, ...patch }), { replace: options.replace });
  }

  useEffect(() => {
    sessionStorage.setItem(lastFilingListSearchKey, params.toString());
  }, [params]);

  useListShortcuts({ paused: importing, canCreate: canWrite, onCreate: () => navigate('/filings/new'), searchRef });

  const listState = { listSearch: params.toString() };
  const columns = filingColumns({ linkState: listState }).map((column) =>
    column.key === 'window' ? { ...column, sorter: true, sortOrder: query.sortField === 'plannedStart' || !query.sortField ? (query.sortOrder ?? 'descend') : null } : column,
  );
  const onTableChange = tableChangeHandler<FilingRow, NonNullable<FilingListQuery['sortField']>>((patch) =>
    // The window column sorts by its start.
    update({ ...patch, sortField: patch.sortField ? 'plannedStart' : undefined }),
  );
  const ledgerState = { filters, sortField: query.sortField, sortOrder: query.sortOrder };
  const active = hasActiveFilingFilters(filters);

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div className="page-toolbar">
        <ListSearchBox q={query.q} onSearch={(q) => update({ q }, { replace: true })} label="搜索报备" placeholder="搜索编号/企业/地点/内容/施工单位/负责人" width={340} searchRef={searchRef} />
        <span className="spacer" />
        <PrintButton ledger="filings" state={ledgerState} />
        <ExportButton request={{ ledger: 'filings', ...ledgerState }} />
        {can('imports.start') && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            导入Excel
          </Button>
        )}
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/filings/new')}>
            新增报备（Ctrl+N）
          </Button>
        )}
      </div>
      <div className="page-toolbar">
        <ChoiceFilter label="作业类别" placeholder="全部作业类别" width={140} values={specialWorkKinds} value={query.kind} onChange={(kind) => update({ kind })} />
        <ChoiceFilter label="状态" placeholder="全部状态" width={130} values={filingStatuses} value={query.status} onChange={(status) => update({ status })} />
        <VillageFilter label="所在村/社区" width={140} value={query.villageId} onChange={(villageId) => update({ villageId })} />
        <div style={{ width: 220 }}>
          <EnterprisePicker value={query.enterpriseId ?? null} onChange={(enterpriseId) => update({ enterpriseId: enterpriseId ?? undefined })} ariaLabel="报备企业" />
        </div>
        <DatePicker.RangePicker
          aria-label="作业日期"
          placeholder={['作业日期从', '至']}
          value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <ToggleTag label="只看未批先干/超时未关闭" active={!!query.flagged} onToggle={() => update({ flagged: query.flagged ? undefined : true })} />
        {active && (
          <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            重置筛选
          </Button>
        )}
      </div>
      <Table<FilingRow>
        rowKey="id"
        size="middle"
        columns={[{ title: '序号', key: 'index', width: 56, render: (_value, _row, index) => (query.page - 1) * query.pageSize + index + 1 }, ...columns]}
        dataSource={list.data?.items}
        loading={list.loading}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.flags.length ? 'clickable-row filing-flagged' : 'clickable-row')}
        onRow={(row) => ({
          onClick: () => {
            if (window.getSelection()?.toString()) return;
            navigate(`/filings/${row.id}`, { state: listState });
          },
        })}
        pagination={listPagination(query, list.data?.total, '项')}
        locale={{
          emptyText: list.error ? list.error.message : active ? '没有符合条件的报备' : canWrite ? '暂无报备，点击“新增报备”登记' : '暂无报备',
        }}
      />
      <Typography.Text type="secondary">按日期筛选时，列出作业时段与所选日期有交集的报备。</Typography.Text>
      {importing && <ImportWizard entity="filings" onClose={() => setImporting(false)} onImported={() => list.reload()} />}
    </Space>
  );
}
