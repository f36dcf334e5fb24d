import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * Date pickers whose Enter only confirms the typed date: the keystroke must not also submit the form they sit
 * in (Enter elsewhere in a form still saves). Form.Item's value and onChange pass through.
 */
export function DateInput(props: DatePickerProps) {
  return (
    <span style={{ display: 'inline-block', width: props.style?.width }} onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}>
      <DatePicker {...props} />
    </span>
  );
}

/** A local date and time to the minute, `YYYY-MM-DD HH:mm`, full width. */
export function DateTimeInput(props: DatePickerProps) {
  return <DateInput {...props} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />;
}

/** Form.Item props that keep a date as `YYYY-MM-DD` text in the form (what the API takes) behind a DatePicker. */
export const dateItemProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null),
};

/** The same for a local date-time `YYYY-MM-DD HH:mm`; a cleared picker leaves the field unset. */
export const dateTimeItemProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD HH:mm') : undefined),
};

/** The same for a list of dates behind a multiple-date picker. */
export const datesItemProps = {
  getValueProps: (value: string[] | undefined) => ({ value: (value ?? []).map((date) => dayjs(date)) }),
  normalize: (value: Dayjs[] | null | undefined) => (value ?? []).map((day) => day.format('YYYY-MM-DD')).sort(),
};

/** Days after today cannot be picked for what is recorded after it happened (a sweep, a visit, a site check). */
export function isFutureDay(day: Dayjs): boolean {
  return day.isAfter(dayjs(), 'day');
}

export function todayText(): string {
  return dayjs().format('YYYY-MM-DD');
}
