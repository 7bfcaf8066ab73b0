import { formatPhoneForHumans } from '@/lib/format/phone';
import { toInternationalPhone } from '@/lib/format/phone';
import type { Translate } from '@/lib/i18n';

// Phone written for people ("04 77 00 00 01") and dialable, e-mails as mail links.
export function Contact({ phone, emails, t }: { phone: string | null; emails: string[]; t: Translate }) {
  const shown = formatPhoneForHumans(phone);
  const dial = toInternationalPhone(phone) ?? phone;
  return (
    <ul>
      {shown && dial && (
        <li>
          <a href={`tel:${dial}`} className="inline-flex min-h-12 items-center">
            {t('places.phone', { phone: shown })}
          </a>
        </li>
      )}
      {emails.map((email) => (
        <li key={email} className="break-all">
          <a href={`mailto:${email}`} className="inline-flex min-h-12 items-center">
            {t('places.email', { email })}
          </a>
        </li>
      ))}
    </ul>
  );
}
