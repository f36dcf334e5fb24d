import { EyeOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { drillSortFields } from '../../../shared/api/drills';
import { enterpriseSortFields } from '../../../shared/api/enterprises';
import { filingSortFields } from '../../../shared/api/filings';
import { hazardSortFields, inspectionSortFields, orderSortFields } from '../../../shared/api/hazards';
import { idleSiteSortFields } from '../../../shared/api/idleSites';
import { planSortFields } from '../../../shared/api/plans';
import { tankSortFields } from '../../../shared/api/tanks';
import { villageSortFields } from '../../../shared/api/villages';
import { drillForms, drillScopes, planFilingStatuses, planKinds, planOwnerTypeLabels, planOwnerTypes, planStatuses } from '../../../shared/domain/emergencyPlan';
import { enterpriseStatuses, industries, riskLevelLabels, riskLevels } from '../../../shared/domain/enterprise';
import { hazardLevels, hazardSources, hazardStatuses, inspectionKinds } from '../../../shared/domain/hazard';
import { idleSiteDisposals, idleSiteFindings } from '../../../shared/domain/idleSite';
import { filingStatuses, specialWorkKinds } from '../../../shared/domain/specialWork';
import { tankCategories, tankStatuses } from '../../../shared/domain/tank';
import { villageKinds } from '../../../shared/domain/village';
import { defaultColumnKeys, ledgerDefinitions, ledgerIds, type LedgerId } from '../../../shared/ledgers/definitions';
import { ChoiceFilter } from '../../components/ListFilters';
import { useShellPrint } from '../../print/shellPrint';
import { useApiQuery } from '../../api/useApi';
import { printRoute, type PrintState } from '../../print/printQuery';

/** Chinese names of the sort fields each ledger offers (the same fields its list page sorts by). */
const sortLabels: Record<string, string> = {
  name: '名称',
  uscc: '统一社会信用代码',
  riskLevel: '风险等级',
  industry: '行业领域',
  status: '经营状态',
  employees: '从业人员',
  updatedAt: '最后修改时间',
  code: '区划代码',
  kind: '类型',
  population: '人口',
  households: '户数',
};

type FilterValue = string | number | undefined;

interface Choice {
  filters: Record<string, FilterValue>;
  columns: string[];
  sortField?: string;
  sortOrder: 'ascend' | 'descend';
}

const initialChoice = (ledger: LedgerId): Choice => ({ filters: {}, columns: defaultColumnKeys(ledger), sortOrder: 'ascend' });

interface FilterProps {
  filters: Choice['filters'];
  setFilter: (key: string, value: FilterValue) => void;
  villageOptions: { label: string; value: number }[];
}

function VillageSelect({ label, filters, setFilter, villageOptions }: FilterProps & { label: string }) {
  return (
    <Select<number>
      aria-label={label}
      placeholder="全部村/社区"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 160 }}
      value={filters.villageId as number | undefined}
      options={villageOptions}
      onChange={(value) => setFilter('villageId', value)}
    />
  );
}

function KeywordInput({ placeholder, filters, setFilter }: FilterProps & { placeholder: string }) {
  return (
    <Input
      aria-label="关键词"
      placeholder={placeholder}
      allowClear
      style={{ width: 220 }}
      value={(filters.q as string | undefined) ?? ''}
      onChange={(event) => setFilter('q', event.target.value.trim() || undefined)}
    />
  );
}

function EnterpriseFilterFields(props: FilterProps) {
  const { filters, setFilter } = props;
  return (
    <Space wrap>
      <VillageSelect label="所属村/社区" {...props} />
      <Select<string>
        aria-label="风险等级"
        placeholder="全部风险等级"
        allowClear
        style={{ width: 160 }}
        value={filters.riskLevel as string | undefined}
        options={riskLevels.map((level) => ({ label: riskLevelLabels[level], value: level }))}
        onChange={(value) => setFilter('riskLevel', value)}
      />
      <Select<string>
        aria-label="行业领域"
        placeholder="全部行业"
        allowClear
        style={{ width: 160 }}
        value={filters.industry as string | undefined}
        options={industries.map((industry) => ({ label: industry, value: industry }))}
        onChange={(value) => setFilter('industry', value)}
      />
      <Select<string>
        aria-label="经营状态"
        placeholder="全部状态"
        allowClear
        style={{ width: 120 }}
        value={filters.status as string | undefined}
        options={enterpriseStatuses.map((status) => ({ label: status, value: status }))}
        onChange={(value) => setFilter('status', value)}
      />
    </Space>
  );
}

function VillageFilterFields(props: FilterProps) {
  const { filters, setFilter } = props;
  return (
    <Space wrap>
      <KeywordInput placeholder="名称、区划代码、负责人" {...props} />
      <Select<string>
        aria-label="类型"
        placeholder="全部类型"
        allowClear
        style={{ width: 120 }}
        value={filters.kind as string | undefined}
        options={villageKinds.map((kind) => ({ label: kind, value: kind }))}
        onChange={(value) => setFilter('kind', value)}
      />
    </Space>
  );
}

function GridWorkerFilterFields(props: FilterProps) {
  return (
    <Space wrap>
      <KeywordInput placeholder="姓名、电话" {...props} />
      <VillageSelect label="负责村/社区" {...props} />
    </Space>
  );
}

function TankFilterFields(props: FilterProps) {
  const { filters, setFilter } = props;
  return (
    <Space wrap>
      <KeywordInput placeholder="罐号、介质、罐区、单位" {...props} />
      <VillageSelect label="所属村/社区" {...props} />
      <Select<string>
        aria-label="储罐类别"
        placeholder="全部类别"
        allowClear
        style={{ width: 170 }}
        value={filters.category as string | undefined}
        options={tankCategories.map((value) => ({ label: value, value }))}
        onChange={(value) => setFilter('category', value)}
      />
      <Select<string>
        aria-label="储罐状态"
        placeholder="全部状态"
        allowClear
        style={{ width: 120 }}
        value={filters.status as string | undefined}
        options={tankStatuses.map((value) => ({ label: value, value }))}
        onChange={(value) => setFilter('status', value)}
      />
    </Space>
  );
}

function IdleSiteFilterFields(props: FilterProps) {
  const { filters, setFilter } = props;
  return (
    <Space wrap>
      <KeywordInput placeholder="名称、地址、户主" {...props} />
      <VillageSelect label="所属村/社区" {...props} />
      <Select<string>
        aria-label="排查发现"
        placeholder="全部排查发现"
        allowClear
        style={{ width: 150 }}
        value={filters.finding as string | undefined}
        options={idleSiteFindings.map((value) => ({ label: value, value }))}
        onChange={(value) => setFilter('finding', value)}
      />
      <Select<string>
        aria-label="处置措施"
        placeholder="全部处置措施"
        allowClear
        style={{ width: 150 }}
        value={filters.disposal as string | undefined}
        options={idleSiteDisposals.map((value) => ({ label: value, value }))}
        onChange={(value) => setFilter('disposal', value)}
      />
    </Space>
  );
}

/** A period filter kept as `from`/`to` (`YYYY-MM-DD`), either end open, with the month and year presets. */
function DateRangeFilter({ label, filters, setFilter }: Pick<FilterProps, 'filters' | 'setFilter'> & { label: string }) {
  const from = filters.from as string | undefined;
  const to = filters.to as string | undefined;
  return (
    <DatePicker.RangePicker
      aria-label={label}
      placeholder={[`${label}起`, `${label}止`]}
      allowEmpty={[true, true]}
      value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
      onChange={(range) => {
        setFilter('from', range?.[0]?.format('YYYY-MM-DD'));
        setFilter('to', range?.[1]?.format('YYYY-MM-DD'));
      }}
      presets={[
        { label: '本月', value: [dayjs().startOf('month'), dayjs().endOf('month')] },
        { label: '上月', value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] },
        { label: '本年', value: [dayjs().startOf('year'), dayjs().endOf('year')] },
      ]}
    />
  );
}

/** A fixed-choice filter (ChoiceFilter) over this page's filter state, kept under `name`. */
function FilterChoice<T extends string>(props: Pick<FilterProps, 'filters' | 'setFilter'> & { name: string; label: string; placeholder: string; width: number; values: readonly T[] }) {
  const { name, filters, setFilter, label, placeholder, width, values } = props;
  return <ChoiceFilter<T> label={label} placeholder={placeholder} width={width} values={values} value={filters[name] as T | undefined} onChange={(value) => setFilter(name, value)} />;
}

/** 所属单位类型 by its Chinese label (the stored values are English). */
function OwnerTypeSelect({ filters, setFilter }: FilterProps) {
  return (
    <Select<string>
      aria-label="所属单位类型"
      placeholder="全部单位类型"
      allowClear
      style={{ width: 140 }}
      value={filters.ownerType as string | undefined}
      options={planOwnerTypes.map((value) => ({ label: planOwnerTypeLabels[value], value }))}
      onChange={(value) => setFilter('ownerType', value)}
    />
  );
}

/** The 登记台账's filters: kind, status, village and the days the works' windows touch. */
function FilingFilterFields(props: FilterProps) {
  return (
    <Space wrap>
      <KeywordInput placeholder="编号、企业、地点、内容、施工单位" {...props} />
      <VillageSelect label="所在村/社区" {...props} />
      <FilterChoice name="kind" label="作业类别" placeholder="全部作业类别" width={140} values={specialWorkKinds} {...props} />
      <FilterChoice name="status" label="报备状态" placeholder="全部状态" width={130} values={filingStatuses} {...props} />
      <DateRangeFilter label="作业日期" {...props} />
    </Space>
  );
}

/** The plan register's filters: owner type, kind, village, status and what is overdue or coming due. */
function PlanFilterFields(props: FilterProps) {
  const { filters, setFilter } = props;
  return (
    <Space wrap>
      <KeywordInput placeholder="预案名称、文号、单位、备案编号" {...props} />
      <OwnerTypeSelect {...props} />
      <FilterChoice name="kind" label="预案类别" placeholder="全部类别" width={140} values={planKinds} {...props} />
      <VillageSelect label="所属村/社区" {...props} />
      <FilterChoice name="status" label="预案状态" placeholder="全部状态" width={120} values={planStatuses} {...props} />
      <Select<string>
        aria-label="到期情况"
        placeholder="全部到期情况"
        allowClear
        style={{ width: 150 }}
        value={filters.due as string | undefined}
        options={[
          { label: '已逾期', value: 'overdue' },
          { label: '即将到期或逾期', value: 'due' },
        ]}
        onChange={(value) => setFilter('due', value)}
      />
    </Space>
  );
}

/** The 备案登记表's filters: the result and the days the filings were received. */
function PlanFilingFilterFields(props: FilterProps) {
  return (
    <Space wrap>
      <KeywordInput placeholder="预案、单位、备案编号、报送人" {...props} />
      <FilterChoice name="status" label="备案结果" placeholder="全部结果" width={130} values={planFilingStatuses} {...props} />
      <DateRangeFilter label="收到日期" {...props} />
    </Space>
  );
}

/** The drill register's filters: owner, village, type, form and the period (a year's drills for the report). */
function DrillFilterFields(props: FilterProps) {
  return (
    <Space wrap>
      <KeywordInput placeholder="演练名称、单位、地点、预案" {...props} />
      <OwnerTypeSelect {...props} />
      <VillageSelect label="所属村/社区" {...props} />
      <FilterChoice name="scope" label="演练类型" placeholder="全部类型" width={140} values={drillScopes} {...props} />
      <FilterChoice name="form" label="演练形式" placeholder="全部形式" width={120} values={drillForms} {...props} />
      <DateRangeFilter label="演练日期" {...props} />
    </Space>
  );
}

/** The hazard registers' filters: level (not for the 重大 register), status, 逾期, village, industry and 发现日期. */
function HazardFilterFields(props: FilterProps & { withLevel: boolean }) {
  const { filters, setFilter, withLevel } = props;
  return (
    <Space wrap>
      <KeywordInput placeholder="编号、单位、部位、隐患描述" {...props} />
      {withLevel && <FilterChoice name="level" label="隐患等级" placeholder="全部等级" width={120} values={hazardLevels} {...props} />}
      <FilterChoice name="status" label="隐患状态" placeholder="全部状态" width={120} values={hazardStatuses} {...props} />
      <Checkbox checked={filters.overdue === 'true'} onChange={(event) => setFilter('overdue', event.target.checked ? 'true' : undefined)}>
        仅逾期未整改
      </Checkbox>
      <VillageSelect label="村/社区" {...props} />
      <Select<string>
        aria-label="行业领域"
        placeholder="全部行业"
        allowClear
        style={{ width: 150 }}
        value={filters.industry as string | undefined}
        options={industries.map((industry) => ({ label: industry, value: industry }))}
        onChange={(value) => setFilter('industry', value)}
      />
      <FilterChoice name="source" label="隐患来源" placeholder="全部来源" width={120} values={hazardSources} {...props} />
      <DateRangeFilter label="发现日期" {...props} />
    </Space>
  );
}

function HazardLedgerFilters(props: FilterProps) {
  return <HazardFilterFields withLevel {...props} />;
}

function MajorHazardLedgerFilters(props: FilterProps) {
  return <HazardFilterFields withLevel={false} {...props} />;
}

/** The 检查记录台账's filters: kind, village and 检查日期, as on the 检查记录 list. */
function InspectionFilterFields(props: FilterProps) {
  return (
    <Space wrap>
      <KeywordInput placeholder="单位、检查人员、检查项目" {...props} />
      <FilterChoice name="kind" label="检查类型" placeholder="全部类型" width={120} values={inspectionKinds} {...props} />
      <VillageSelect label="村/社区" {...props} />
      <DateRangeFilter label="检查日期" {...props} />
    </Space>
  );
}

/** The 指令书台账's filters: village, 下达日期 and those whose hazards are not all closed, as on the 整改指令书 list. */
function OrderFilterFields(props: FilterProps) {
  const { filters, setFilter } = props;
  return (
    <Space wrap>
      <KeywordInput placeholder="文书编号、单位、执法人员" {...props} />
      <VillageSelect label="村/社区" {...props} />
      <DateRangeFilter label="下达日期" {...props} />
      <Checkbox checked={filters.open === 'true'} onChange={(event) => setFilter('open', event.target.checked ? 'true' : undefined)}>
        仅隐患未全部销号
      </Checkbox>
      <Checkbox checked={filters.overdue === 'true'} onChange={(event) => setFilter('overdue', event.target.checked ? 'true' : undefined)}>
        仅已逾期
      </Checkbox>
    </Space>
  );
}

const hazardSortLabels = { foundOn: '发现日期', deadline: '整改期限', number: '编号', updatedAt: '最后修改时间' };

/** What the print center offers per ledger: its list page's filters and sort fields. */
type LedgerOptions = { Filters: (props: FilterProps) => ReactNode } & (
  /**
   * `sortLabels` where a field name means something else in this ledger (罐号, not 区划代码); `defaultOrder` says
   * what order 默认顺序 is where that is not the list page's own.
   */
  | { sortFields: readonly string[]; sortLabels?: Record<string, string>; defaultOrder?: string }
  /** A list with one fixed order has no sort choice; the page says what that order is. */
  | { fixedOrder: string }
);

const ledgerOptions: Record<LedgerId, LedgerOptions> = {
  enterprises: { Filters: EnterpriseFilterFields, sortFields: enterpriseSortFields },
  villages: { Filters: VillageFilterFields, sortFields: villageSortFields },
  gridWorkers: { Filters: GridWorkerFilterFields, fixedOrder: '按姓名排列（与网格员列表相同）' },
  idleSites: {
    Filters: IdleSiteFilterFields,
    sortFields: idleSiteSortFields,
    sortLabels: { foundOn: '排查日期', name: '场所名称' },
  },
  tanks: {
    Filters: TankFilterFields,
    sortFields: tankSortFields,
    sortLabels: { code: '罐号', ownerName: '所属单位/场所', status: '状态', registeredOn: '登记日期' },
  },
  filings: {
    Filters: FilingFilterFields,
    sortFields: filingSortFields,
    sortLabels: { plannedStart: '计划开始时间', number: '报备编号', enterpriseName: '企业名称', status: '状态' },
    defaultOrder: '默认按计划开始时间从早到晚',
  },
  plans: {
    Filters: PlanFilterFields,
    sortFields: planSortFields,
    sortLabels: { name: '预案名称', issuedOn: '发布日期', nextEvaluation: '下次评估日期', nextDrill: '下次演练日期' },
    defaultOrder: '默认按所属单位类型、单位、预案名称排列',
  },
  planFilings: { Filters: PlanFilingFilterFields, fixedOrder: '按收到日期从早到晚排列' },
  drills: {
    Filters: DrillFilterFields,
    sortFields: drillSortFields,
    sortLabels: { heldOn: '演练日期', name: '演练名称', participants: '参与人数' },
    defaultOrder: '默认按演练日期从早到晚',
  },
  hazards: {
    Filters: HazardLedgerFilters,
    sortFields: hazardSortFields,
    sortLabels: hazardSortLabels,
    defaultOrder: '默认按发现日期从早到晚',
  },
  majorHazards: {
    Filters: MajorHazardLedgerFilters,
    sortFields: hazardSortFields,
    sortLabels: hazardSortLabels,
    defaultOrder: '默认按发现日期从早到晚',
  },
  inspections: {
    Filters: InspectionFilterFields,
    sortFields: inspectionSortFields,
    sortLabels: { inspectedOn: '检查日期' },
    defaultOrder: '默认按检查日期从早到晚',
  },
  orders: {
    Filters: OrderFilterFields,
    sortFields: orderSortFields,
    // The orders of a year are numbered as they are issued: the number is the order of issue.
    sortLabels: { issuedOn: '文书编号（下达先后）' },
    defaultOrder: '默认按文书编号从小到大',
  },
};

/**
 * 打印中心: pick a ledger, narrow it, choose its columns and order, then preview (the same print view the list
 * pages open) or, in the desktop program, print or save a PDF straight away.
 */
export function PrintCenterPage() {
  const navigate = useNavigate();
  const [ledger, setLedger] = useState<LedgerId>('enterprises');
  const [choice, setChoice] = useState<Choice>(() => initialChoice('enterprises'));
  const shell = useShellPrint();
  const villages = useApiQuery('villages.options', {});
  const villageOptions = (villages.data ?? []).map((village) => ({ label: village.name, value: village.id }));
  const definition = ledgerDefinitions[ledger];
  const options = ledgerOptions[ledger];
  const { Filters } = options;

  function chooseLedger(next: LedgerId) {
    setLedger(next);
    setChoice(initialChoice(next));
  }
  const setFilter = (key: string, value: FilterValue) =>
    setChoice((previous) => ({ ...previous, filters: { ...previous.filters, [key]: value } }));

  const state: PrintState = {
    filters: choice.filters,
    columns: choice.columns,
    sortField: choice.sortField,
    sortOrder: choice.sortField ? choice.sortOrder : undefined,
  };
  const route = printRoute(ledger, state);
  const landscape = definition.orientation === 'landscape';

  const today = new Date();
  const pdfName = `${definition.name}-${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日.pdf`;
  const print = () => shell.print({ route, landscape });
  const savePdf = () => shell.savePdf({ route, landscape, defaultFileName: pdfName });

  return (
    <Card title="打印中心" variant="borderless">
      <Form layout="horizontal" labelCol={{ flex: '96px' }} style={{ maxWidth: 960 }}>
        <Form.Item label="台账">
          <Radio.Group
            value={ledger}
            onChange={(event) => chooseLedger(event.target.value as LedgerId)}
            options={ledgerIds.map((id) => ({
              value: id,
              label: `${ledgerDefinitions[id].name}（A4${ledgerDefinitions[id].orientation === 'landscape' ? '横向' : '纵向'}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label="筛选">
          <Filters filters={choice.filters} setFilter={setFilter} villageOptions={villageOptions} />
        </Form.Item>
        <Form.Item label="打印列" extra="未勾选任何列时按默认列打印。">
          <Checkbox.Group
            value={choice.columns}
            onChange={(columns) => setChoice((previous) => ({ ...previous, columns: columns as string[] }))}
            options={definition.columns.map((column) => ({ label: column.header, value: column.key }))}
          />
          <Button type="link" size="small" onClick={() => setChoice((previous) => ({ ...previous, columns: defaultColumnKeys(ledger) }))}>
            恢复默认列
          </Button>
        </Form.Item>
        <Form.Item label="排序">
          {'fixedOrder' in options ? (
            <Typography.Text type="secondary">{options.fixedOrder}</Typography.Text>
          ) : (
            <Space>
              <Select<string>
                aria-label="排序字段"
                placeholder="默认顺序"
                allowClear
                style={{ width: 180 }}
                value={choice.sortField}
                options={options.sortFields.map((field) => ({ label: options.sortLabels?.[field] ?? sortLabels[field] ?? field, value: field }))}
                onChange={(sortField) => setChoice((previous) => ({ ...previous, sortField }))}
              />
              <Radio.Group
                disabled={!choice.sortField}
                value={choice.sortOrder}
                onChange={(event) => setChoice((previous) => ({ ...previous, sortOrder: event.target.value as Choice['sortOrder'] }))}
                options={[
                  { label: '升序', value: 'ascend' },
                  { label: '降序', value: 'descend' },
                ]}
              />
              {options.defaultOrder && !choice.sortField && <Typography.Text type="secondary">{options.defaultOrder}</Typography.Text>}
            </Space>
          )}
        </Form.Item>
        <Form.Item label=" " colon={false}>
          <Space>
            <Button type="primary" icon={<EyeOutlined />} onClick={() => navigate(route)}>
              预览
            </Button>
            {window.api && (
              <>
                <Button icon={<PrinterOutlined />} loading={shell.busy === 'print'} onClick={() => void print()}>
                  打印
                </Button>
                <Button icon={<FilePdfOutlined />} loading={shell.busy === 'pdf'} onClick={() => void savePdf()}>
                  保存为PDF
                </Button>
              </>
            )}
          </Space>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">
        预览页可直接打印{window.api ? '' : '（浏览器打印对话框中选择“另存为 PDF”即可保存 PDF）'}。填表人、审核人、负责人在“设置”中填写。
      </Typography.Paragraph>
    </Card>
  );
}
