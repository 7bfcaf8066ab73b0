// Version of the privacy text (/confidentialite), stored with each consent. Change it when the
// text changes in substance.
export const PRIVACY_TEXT_VERSION = '2026-11-30';
