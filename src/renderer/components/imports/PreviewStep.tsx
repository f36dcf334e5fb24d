import { Alert, Radio, Space, Spin, Statistic, Table, Typography } from 'antd';
import type { DuplicateMode, ImportPreview, ImportProblem } from '../../../shared/api/imports';
import { maxListedProblems } from '../../../shared/api/imports';
import { datumLabels, datums, type Datum } from '../../../shared/domain/geo/datum';

interface PreviewStepProps {
  preview: ImportPreview | null;
  loading: boolean;
  error: string | null;
  duplicates: DuplicateMode;
  /** What the duplicate rule compares, e.g. 已存在的企业（按统一社会信用代码）. */
  duplicatesLabel: string;
  /** Set where registered records are never updated: said instead of offering the choice. */
  duplicatesFixed?: string;
  onDuplicatesChange: (mode: DuplicateMode) => void;
  /** The system the file's 经度/纬度 are in; undefined when no column is mapped to them (nothing to ask). */
  datum?: Datum;
  onDatumChange: (datum: Datum) => void;
}

const errorColor = '#cf1322';

/**
 * 预览校验: what importing would do, in counts, and every problem by row, before anything is written. The
 * rule for rows already registered is chosen here, and changing it checks the file again.
 */
export function PreviewStep({ preview, loading, error, duplicates, duplicatesLabel, duplicatesFixed, onDuplicatesChange, datum, onDatumChange }: PreviewStepProps) {
  const counts: { label: string; value: number | undefined; danger?: boolean }[] = [
    { label: '将新增', value: preview?.create },
    { label: '将更新', value: preview?.update },
    { label: '无变化', value: preview?.unchanged },
    { label: '已存在跳过', value: preview?.skip },
    { label: '有错误', value: preview?.invalid, danger: true },
  ];
  const blocked = (preview?.mappingProblems.length ?? 0) > 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div className="import-duplicates">
        <Typography.Text id="import-duplicates-label">{duplicatesLabel}：</Typography.Text>
        {duplicatesFixed ? (
          <Typography.Text>{duplicatesFixed}</Typography.Text>
        ) : (
          <Radio.Group
            aria-labelledby="import-duplicates-label"
            value={duplicates}
            onChange={(event) => onDuplicatesChange(event.target.value as DuplicateMode)}
            options={[
              { value: 'skip', label: '跳过（保留系统中的内容）' },
              { value: 'update', label: '用文件内容更新' },
            ]}
          />
        )}
      </div>
      {datum && (
        <div className="import-duplicates">
          <Typography.Text id="import-datum-label">文件中经纬度的坐标系：</Typography.Text>
          <Radio.Group
            aria-labelledby="import-datum-label"
            value={datum}
            onChange={(event) => onDatumChange(event.target.value as Datum)}
            options={datums.map((value) => ({ value, label: datumLabels[value] }))}
          />
          <Typography.Paragraph type="secondary" style={{ width: '100%', margin: 0 }}>
            从高德地图拾取的坐标是 GCJ-02，从百度地图拾取的是 BD-09，手机 GPS、奥维、天地图是 WGS84；系统按 WGS84 保存并自动换算。选错会使点位偏移约 500 米。
          </Typography.Paragraph>
        </div>
      )}
      {error && <Alert type="error" showIcon title="校验失败" description={error} />}
      {preview && blocked && (
        <Alert
          type="error"
          showIcon
          title="列的对应有问题，无法开始导入"
          description={
            <>
              <ul className="import-problem-list">
                {preview.mappingProblems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
              请点“上一步”修改列的对应。
            </>
          }
        />
      )}
      <Spin spinning={loading} description="正在校验…">
        {!blocked && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <div className="import-counts" role="group" aria-label="校验结果">
              <Statistic title="共校验" value={preview?.total ?? '–'} suffix="行" />
              {counts.map(({ label, value, danger }) => (
                <Statistic
                  key={label}
                  title={label}
                  value={value ?? '–'}
                  suffix="行"
                  styles={danger && value ? { content: { color: errorColor } } : undefined}
                />
              ))}
            </div>
            {preview && preview.invalid > 0 && (
              <Alert
                type="warning"
                showIcon
                title={`有错误的 ${preview.invalid} 行不会导入，其余的行照常导入`}
                description={
                  <>
                    导入完成后可下载导入报告：报告逐行写明导入结果和错误原因，可在报告中改正后再次导入。
                    {preview.problemsTruncated && ` 下表只列出前 ${maxListedProblems} 条问题，全部问题见导入报告。`}
                  </>
                }
              />
            )}
            {preview && preview.total > 0 && preview.invalid === 0 && (
              <Alert type="success" showIcon title="所有行均通过校验" />
            )}
            {preview && preview.problems.length > 0 && (
              <Table<ImportProblem & { key: number }>
                size="small"
                aria-label="问题列表"
                dataSource={preview.problems.map((problem, key) => ({ ...problem, key }))}
                columns={[
                  { title: '行号', dataIndex: 'rowNumber', width: 80, align: 'right' },
                  { title: '列', dataIndex: 'column', width: 200, ellipsis: true },
                  { title: '问题', dataIndex: 'message' },
                ]}
                pagination={{
                  defaultPageSize: 8,
                  hideOnSinglePage: true,
                  showSizeChanger: false,
                  showTotal: (total) => `共 ${total} 条问题`,
                }}
              />
            )}
          </Space>
        )}
      </Spin>
    </Space>
  );
}
