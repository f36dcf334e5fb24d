import dayjs, { type Dayjs } from 'dayjs';

/** Form.Item props that keep a date as `YYYY-MM-DD` text in the form (what the API takes) behind a DatePicker. */
export const dateItemProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null),
};

/** Days after today cannot be picked: a sweep or a visit is recorded after it happened. */
export function isFutureDay(day: Dayjs): boolean {
  return day.isAfter(dayjs(), 'day');
}

export function todayText(): string {
  return dayjs().format('YYYY-MM-DD');
}
