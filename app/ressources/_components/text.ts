import type { MessageKey, Translate } from '@/lib/i18n';

// Words for the codes of a resource (messages "resources.*").
export const typeLabel = (t: Translate, code: string) => t(`resources.types.${code}` as MessageKey);
export const licenceLabel = (t: Translate, code: string) => t(`resources.licences.${code}` as MessageKey);
export const visibilityLabel = (t: Translate, code: string) => t(`resources.visibility.${code}` as MessageKey);
export const ratingLabel = (t: Translate, value: number) => t(`resources.ratings.${value}` as MessageKey);

// "PDF, 1,2 Mo"
export function sizeText(bytes: number, locale: string): string {
  const format = (n: number, unit: string) => `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024) return format(bytes, locale === 'en' ? 'B' : 'o');
  if (bytes < 1024 * 1024) return format(bytes / 1024, locale === 'en' ? 'kB' : 'ko');
  return format(bytes / (1024 * 1024), locale === 'en' ? 'MB' : 'Mo');
}

const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/zip': 'ZIP',
};
export const kindOf = (contentType: string) => KINDS[contentType] ?? contentType;
