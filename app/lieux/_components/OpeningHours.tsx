import type { Locale, Translate } from '@/lib/i18n';
import { describeOpeningHours } from '@/lib/places';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// Opening hours in plain words, one line per group of days; the stored text when it is written
// in a way we do not read.
export function OpeningHours({ text, locale, t }: { text: string | null; locale: Locale; t: Translate }) {
  const hours = describeOpeningHours(text, locale);
  if (!hours) return <p>{t('places.noHours')}</p>;
  if (!hours.understood) {
    return (
      <p>
        {t('places.hoursAsWritten')} <span className="font-mono">{hours.raw}</span>
      </p>
    );
  }
  const separator = locale === 'fr' ? ' : ' : ': ';
  return (
    <ul>
      {hours.lines.map((line) => (
        <li key={line.days}>
          <span className="font-semibold">{capitalise(line.days)}</span>
          {separator}
          {line.hours}
        </li>
      ))}
    </ul>
  );
}
