import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, InputNumber, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { ChemicalOption } from '../../../shared/api/chemicals';
import { assessMajorHazard, hazardRatioSum, type MajorHazardGrade } from '../../../shared/domain/majorHazard';
import { useApiQuery } from '../../api/useApi';

interface CalculatorRow {
  key: number;
  chemicalId: number | null;
  /** Largest quantity present, tonnes. */
  quantity: number | null;
}

const gradeColors: Record<MajorHazardGrade, string> = { 一级: '#cf1322', 二级: '#d46b08', 三级: '#d4b106', 四级: '#1677ff' };

function optionLabel(option: ChemicalOption): string {
  return option.cas ? `${option.name}（${option.cas}）` : option.name;
}

/**
 * The GB 18218-2018 identification and grading worked out in the browser, for a unit the user describes
 * (substances with their largest quantity, people within 500 m): nothing is stored, so staff can try
 * figures before entering tanks. `catalogue` is every live entry, for Q and β by id.
 */
export function MajorHazardCalculator({ catalogue }: { catalogue: ChemicalOption[] }) {
  const [rows, setRows] = useState<CalculatorRow[]>([{ key: 1, chemicalId: null, quantity: null }]);
  const [people, setPeople] = useState<number | null>(null);
  // Only one picker is open at a time, so one search box state serves all rows; the backend matches aliases too.
  const [search, setSearch] = useState<{ row: number; q: string } | null>(null);
  const matches = useApiQuery('chemicals.options', { q: search?.q || undefined, limit: 50 });
  const byId = useMemo(() => new Map(catalogue.map((option) => [option.id, option])), [catalogue]);

  function update(key: number, change: Partial<CalculatorRow>) {
    setRows((previous) => previous.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  function pickerOptions(row: CalculatorRow) {
    const searching = search?.row === row.key && search.q !== '';
    const found = searching ? (matches.data ?? []) : catalogue;
    const selected = row.chemicalId === null ? undefined : byId.get(row.chemicalId);
    const list = selected && !found.some((option) => option.id === selected.id) ? [selected, ...found] : found;
    return list.map((option) => ({ value: option.id, label: optionLabel(option) }));
  }

  // Rows with a substance and a quantity take part; a substance without Q cannot.
  const entered = rows.flatMap((row) => {
    const chemical = row.chemicalId === null ? undefined : byId.get(row.chemicalId);
    return chemical && row.quantity !== null ? [{ chemical, quantity: row.quantity }] : [];
  });
  const withoutQ = entered.filter(({ chemical }) => chemical.criticalQuantity === null);
  const usable = entered.flatMap(({ chemical, quantity }) =>
    chemical.criticalQuantity === null
      ? []
      : [{ name: chemical.name, quantity, criticalQuantity: chemical.criticalQuantity, beta: chemical.beta ?? undefined }],
  );
  const withoutBeta = usable.filter((item) => item.beta === undefined);
  const assessment = usable.length > 0 && people !== null ? assessMajorHazard(usable, people) : null;
  const ratioSum = usable.length > 0 ? hazardRatioSum(usable) : null;

  const columns: ColumnsType<CalculatorRow> = [
    {
      title: '危险化学品',
      key: 'chemical',
      render: (_value, row) => (
        <Select
          aria-label="危险化学品"
          placeholder="输入名称、别名或 CAS 号查找"
          style={{ width: 260 }}
          value={row.chemicalId ?? undefined}
          options={pickerOptions(row)}
          showSearch={{ filterOption: false, onSearch: (q) => setSearch({ row: row.key, q: q.trim() }) }}
          onOpenChange={(open) => !open && setSearch(null)}
          onChange={(chemicalId: number) => update(row.key, { chemicalId })}
          notFoundContent="目录中没有该化学品"
        />
      ),
    },
    {
      title: '最大存在量 q（t）',
      key: 'quantity',
      width: 170,
      render: (_value, row) => (
        <InputNumber
          aria-label="最大存在量"
          min={0}
          style={{ width: 140 }}
          value={row.quantity}
          onChange={(quantity) => update(row.key, { quantity: typeof quantity === 'number' ? quantity : null })}
        />
      ),
    },
    { title: '临界量 Q（t）', key: 'q', width: 110, align: 'right', render: (_value, row) => lookup(row)?.criticalQuantity ?? dash(row) },
    { title: '校正系数β', key: 'beta', width: 100, align: 'right', render: (_value, row) => lookup(row)?.beta ?? dash(row) },
    {
      title: 'q/Q',
      key: 'ratio',
      width: 90,
      align: 'right',
      render: (_value, row) => {
        const chemical = lookup(row);
        return chemical?.criticalQuantity && row.quantity !== null ? (row.quantity / chemical.criticalQuantity).toFixed(2) : '';
      },
    },
    {
      title: '',
      key: 'remove',
      width: 50,
      render: (_value, row) => (
        <Button
          type="text"
          aria-label="移除该行"
          icon={<DeleteOutlined />}
          disabled={rows.length === 1}
          onClick={() => setRows((previous) => previous.filter((other) => other.key !== row.key))}
        />
      ),
    },
  ];

  function lookup(row: CalculatorRow) {
    return row.chemicalId === null ? undefined : byId.get(row.chemicalId);
  }

  function dash(row: CalculatorRow) {
    return row.chemicalId === null ? '' : <Typography.Text type="warning">未录入</Typography.Text>;
  }

  const missingPeople = usable.length > 0 && people === null;

  return (
    <Card title="重大危险源辨识计算" variant="borderless" className="major-hazard-calculator">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        按 GB 18218-2018：同一单元内 S = Σ q/Q ≥ 1 即构成重大危险源；分级指标 R = α·Σ β·q/Q，R ≥ 100 为一级，50–100 为二级，10–50
        为三级，小于 10 为四级。计算只在本机进行，不保存。
      </Typography.Paragraph>
      <Row gutter={24} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Table<CalculatorRow>
            rowKey="key"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={rows}
            footer={() => (
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setRows((previous) => [...previous, { key: Math.max(...previous.map((row) => row.key)) + 1, chemicalId: null, quantity: null }])}
              >
                添加物质
              </Button>
            )}
          />
        </Col>
        <Col flex="300px">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>厂区边界外 500 米范围内常住人数</Typography.Text>
            <InputNumber
              aria-label="500 米范围内常住人数"
              min={0}
              precision={0}
              suffix="人"
              style={{ width: '100%' }}
              value={people}
              onChange={(value) => setPeople(typeof value === 'number' ? value : null)}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              α：100 人以上 2.0，50–99 人 1.5，30–49 人 1.2，1–29 人 1.0，0 人 0.5
            </Typography.Text>
          </Space>
        </Col>
      </Row>

      <Flex gap={32} wrap style={{ marginTop: 16 }}>
        <Statistic title="S（Σq/Q）" value={ratioSum === null ? '—' : ratioSum.toFixed(2)} />
        <Statistic
          title="是否构成重大危险源"
          value={ratioSum === null ? '—' : ratioSum >= 1 ? '是' : '否'}
          styles={{ content: { color: ratioSum !== null && ratioSum >= 1 ? '#cf1322' : undefined } }}
        />
        <Statistic title="α（人口校正系数）" value={assessment ? assessment.alpha.toFixed(1) : '—'} />
        <Statistic title="R（α·Σβq/Q）" value={assessment?.risk != null ? assessment.risk.toFixed(1) : '—'} />
        <Statistic
          title="重大危险源等级"
          value={assessment?.grade ?? (assessment && !assessment.isMajorHazard ? '不分级' : '—')}
          styles={{ content: { color: assessment?.grade ? gradeColors[assessment.grade] : undefined } }}
        />
      </Flex>

      <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
        {usable.length === 0 && withoutQ.length === 0 && (
          <Typography.Text type="secondary">选择危险化学品并填写最大存在量后显示结果。</Typography.Text>
        )}
        {missingPeople && (
          <Alert type="info" showIcon title="请填写 500 米范围内常住人数" description="人口校正系数 α 由该人数确定，填写后才能计算 R 和等级。" />
        )}
        {withoutQ.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title="缺少临界量，未参与计算"
            description={`${withoutQ.map(({ chemical }) => `「${chemical.name}」`).join('')}未录入临界量 Q，请先在目录中补充临界量及其出处。`}
          />
        )}
        {withoutBeta.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title="缺少校正系数β，只能辨识不能分级"
            description={`${withoutBeta.map((item) => `「${item.name}」`).join('')}未录入校正系数β（GB 18218-2018 表3 毒性气体按物质取值，其他按表4 危险性类别取值），补充后可计算 R 和等级。`}
          />
        )}
        {assessment && !assessment.isMajorHazard && (
          <Typography.Text type="secondary">S 小于 1，不构成重大危险源，无需分级。</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
