import { defineHandlers } from '../../api/registry';
import { deleteHolidaySchedule, listHolidaySchedules, saveHolidaySchedule } from './service';

export const holidayHandlers = defineHandlers({
  'holidays.list': (_input, ctx) => listHolidaySchedules(ctx),
  'holidays.save': (input, ctx) => saveHolidaySchedule(ctx, input),
  'holidays.delete': (input, ctx) => {
    deleteHolidaySchedule(ctx, input.year);
    return { ok: true as const };
  },
});
