// Phone numbers are stored in E.164 ("+33612345678") so that "06 12 34 56 78", "06.12.34.56.78"
// and "+33 6 12 34 56 78" are the same person; they are shown the French way.

export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()/]/g, '');
  if (/^0[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (/^0033[1-9]\d{8}$/.test(compact)) return `+${compact.slice(2)}`;
  if (/^\+33[1-9]\d{8}$/.test(compact)) return compact;
  // Other countries: + and 8 to 15 digits.
  if (/^\+[1-9]\d{7,14}$/.test(compact) && !compact.startsWith('+33')) return compact;
  return null;
}

// "+33612345678" → "06 12 34 56 78"; other countries as stored.
export function formatPhone(phone: string): string {
  const match = /^\+33([1-9]\d{8})$/.exec(phone);
  if (!match) return phone;
  return `0${match[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

// The digits to look for when someone types part of a number in a search box ("06 12" → "612").
export function phoneSearchDigits(query: string): string | null {
  const digits = query.replace(/\D/g, '');
  if (digits.length < 4 || digits.length !== query.replace(/[\s.\-()+/]/g, '').length) return null;
  if (digits.startsWith('0033')) return digits.slice(4);
  if (digits.startsWith('33') && query.trim().startsWith('+')) return digits.slice(2);
  return digits.startsWith('0') ? digits.slice(1) : digits;
}
