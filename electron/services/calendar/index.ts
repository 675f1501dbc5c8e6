export { patchedSettings, readCalendarSettings, subscriptionPath, writeCalendarSettings } from './calendarSettings';
export { dueNotices, readTold, rememberTold } from './dueNotices';
export { attachCalendarFeed, storeCalendar, writeSubscription } from './storeCalendar';
