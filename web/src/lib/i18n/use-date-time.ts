import { useDateFormatter } from 'react-aria';

/** Dates and times in the person's locale and time zone ("1 Dec 2026, 14:05"). */
export function useDateTime() {
  const dateTime = useDateFormatter({ dateStyle: 'medium', timeStyle: 'short' });
  const date = useDateFormatter({ dateStyle: 'medium' });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
  };
}
