import 'server-only';
import QRCode from 'qrcode';

// A QR code as an SVG data URI, drawn on the server, shown with an <img> and its alt text.
export async function qrCodeDataUri(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
