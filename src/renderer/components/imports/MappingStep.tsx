import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ImportAnalysis, ImportField } from '../../../shared/api/imports';

/** The Select's value for a column left out: a Select cannot show null as a chosen option. */
const notImported = '';

type Column = ImportAnalysis['columns'][number];

/** Excel's name for a 0-based column: A…Z, AA…, so staff can find it in their file. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function FieldLabel({ field }: { field: ImportField }) {
  return (
    <span>
      {field.required && (
        <span className="import-required-mark" aria-hidden>
          *
        </span>
      )}
      {field.label}
    </span>
  );
}

interface MappingStepProps {
  analysis: ImportAnalysis;
  mapping: (string | null)[];
  /** Column `index` now fills `key` (null: not imported). */
  onChange: (index: number, key: string | null) => void;
}

/**
 * 核对列: where the header was found, and per column of the file its sample values and the field it fills.
 * Required fields are starred in the choices and listed above the table with whether they have a column.
 */
export function MappingStep({ analysis, mapping, onChange }: MappingStepProps) {
  const fieldsByKey = new Map(analysis.fields.map((field) => [field.key, field]));
  const options = [
    { value: notImported, label: <Typography.Text type="secondary">不导入</Typography.Text>, title: '不导入' },
    ...analysis.fields.map((field) => ({ value: field.key, label: <FieldLabel field={field} />, title: field.label })),
  ];
  const mapped = new Set(mapping.filter((key): key is string => key !== null));
  const required = analysis.fields.filter((field) => field.required);

  const columns: ColumnsType<Column> = [
    {
      title: '列',
      key: 'letter',
      width: 56,
      align: 'center',
      render: (_value, column) => <Typography.Text type="secondary">{columnLetter(column.index)}</Typography.Text>,
    },
    {
      title: '文件中的列',
      dataIndex: 'header',
      width: 220,
      render: (header: string) => <Typography.Text strong>{header}</Typography.Text>,
    },
    {
      title: '示例数据',
      key: 'samples',
      render: (_value, column) =>
        column.samples.length === 0 ? (
          <Typography.Text type="secondary">（前几行均为空）</Typography.Text>
        ) : (
          column.samples.map((sample, index) => (
            <div key={index} className="import-sample" title={sample}>
              {sample}
            </div>
          ))
        ),
    },
    {
      title: '对应字段',
      key: 'field',
      width: 300,
      render: (_value, column) => {
        const key = mapping[column.index] ?? null;
        const hint = key ? fieldsByKey.get(key)?.hint : undefined;
        return (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Select<string>
              aria-label={`「${column.header}」列对应的字段`}
              style={{ width: '100%' }}
              value={key ?? notImported}
              options={options}
              showSearch={{ optionFilterProp: 'title' }}
              popupMatchSelectWidth={false}
              listHeight={320}
              onChange={(value) => onChange(column.index, value === notImported ? null : value)}
            />
            {hint && (
              // Some hints list every accepted value: two lines here, the rest on hover.
              <Typography.Paragraph type="secondary" className="import-field-hint" ellipsis={{ rows: 2, tooltip: hint }}>
                {hint}
              </Typography.Paragraph>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={
          <>
            在工作表「{analysis.sheetName}」的第 <Typography.Text strong>{analysis.headerRowNumber}</Typography.Text> 行找到表头，其下共{' '}
            <Typography.Text strong>{analysis.dataRowCount}</Typography.Text> 行数据
          </>
        }
        description="请逐列核对对应的字段：已按列名自动对应，不需要的列选“不导入”。"
      />
      <div className="import-required" role="group" aria-label="必填字段">
        <Typography.Text type="secondary">必填字段：</Typography.Text>
        {required.map((field) =>
          mapped.has(field.key) ? (
            <Tag key={field.key} color="success" icon={<CheckCircleFilled />}>
              {field.label}
            </Tag>
          ) : (
            <Tag key={field.key} color="error" icon={<ExclamationCircleFilled />} title="还没有对应的列">
              {field.label}（未对应）
            </Tag>
          ),
        )}
      </div>
      <Table<Column>
        rowKey="index"
        size="small"
        tableLayout="fixed"
        columns={columns}
        dataSource={analysis.columns}
        pagination={false}
        // The dialog fits a 1366×768 screen: the table scrolls within what is left of its height.
        scroll={{ y: 'max(180px, calc(100vh - 430px))' }}
        rowClassName={(column) => (mapping[column.index] ? '' : 'import-column-skipped')}
      />
    </Space>
  );
}
