import { describe, expect, it } from 'vitest';
import { pdfText, renderPdf } from '@/lib/pdf';

describe('text written in PDFs with the built-in fonts', () => {
  it('keeps French as it is', () => {
    const french = 'Œuvre « déjà » l’été — 9 h – 12 h, ça coûte 0 € : Où ? Ÿ';
    expect(pdfText(french)).toBe(french);
  });

  it('drops the accents the font cannot draw, and writes "?" for other alphabets', () => {
    expect(pdfText('Łukasz Dvořák')).toBe('?ukasz Dvorák');
    expect(pdfText('Ахмед 😀')).toBe('????? ?');
  });
});

describe('building a PDF', () => {
  it('gives the bytes of an A4 document', async () => {
    const bytes = await renderPdf({ title: 'Essai' }, (doc) => {
      doc.text(pdfText('Bonjour'));
    });
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
  });
});
