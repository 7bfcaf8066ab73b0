import 'server-only';

// Phone numbers are stored as written by staff; the national standard wants "+33477000001"
// (international, no leading zero, no spaces) and people read "04 77 00 00 01".

const OVERSEAS = ['+590', '+594', '+262', '+596', '+269', '+687', '+689', '+508', '+681'];

// "+33 4 77 00 00 01", "04.77.00.00.01", "0033477000001" → "+33477000001"; null when it is not
// a French number.
export function toInternationalPhone(text: string | null | undefined): string | null {
  if (!text) return null;
  const compact = text.replace(/[\s.\-()]/g, '').replace(/^00/, '+');
  if (/^0[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (/^\+33[1-9]\d{8}$/.test(compact)) return compact;
  if (/^\+330[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(4)}`;
  const overseas = OVERSEAS.find((code) => compact.startsWith(code));
  if (overseas && /^\d{6,9}$/.test(compact.slice(overseas.length))) return compact;
  return null;
}

// "+33477000001" → "04 77 00 00 01"; anything else is shown as stored.
export function formatPhoneForHumans(text: string | null | undefined): string | null {
  if (!text) return null;
  const international = toInternationalPhone(text);
  if (!international?.startsWith('+33')) return text.trim();
  const national = `0${international.slice(3)}`;
  return national.replace(/(\d{2})(?=\d)/g, '$1 ');
}
