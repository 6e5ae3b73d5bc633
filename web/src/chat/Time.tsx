import { formatDate, formatDateTime, formatRelative, formatTime, type Lang } from '../lib/dates';

/** Every time shown is a <time dateTime={instant}>; the full date and time is its tooltip. */
export function Time({ iso, lang, mode }: { iso: string; lang: Lang; mode: 'time' | 'date' | 'datetime' | 'relative' }) {
  let text: string;
  try {
    text =
      mode === 'time' ? formatTime(iso, lang)
        : mode === 'date' ? formatDate(iso, lang)
          : mode === 'relative' ? formatRelative(iso, lang)
            : formatDateTime(iso, lang);
  } catch {
    return null;
  }
  let title: string | undefined;
  try {
    title = formatDateTime(iso, lang);
  } catch {
    title = undefined;
  }
  return (
    <time dateTime={iso} title={title}>
      {text}
    </time>
  );
}
