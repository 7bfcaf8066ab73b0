import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '@/app/_components/Markdown';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';

const render = (text: string, base?: 2 | 3 | 4) => renderToStaticMarkup(<Markdown baseHeadingLevel={base}>{text}</Markdown>);

describe('Markdown written by people', () => {
  it('renders the everyday formatting: lists, emphasis, links', () => {
    const html = render('1. Ouvrir **Paramètres**\n2. Toucher *Wi-Fi*\n\n[Le site](https://www.service-public.fr)');
    expect(html).toContain('<ol>');
    expect(html).toContain('<strong>Paramètres</strong>');
    expect(html).toContain('<a href="https://www.service-public.fr" rel="nofollow ugc noopener noreferrer">Le site</a>');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>', /<script/i],
    ['an event handler in HTML', '<img src=x onerror=alert(1)>', /<img/i],
    ['a javascript: link', '[clic](javascript:alert(1))', /javascript:/i],
    ['an encoded javascript: link', '[clic](jav&#x61;script:alert(1))', /href="[^"]*script/i],
    ['a data: link', '[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', /href="data:/i],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)', /src="data:/i],
    ['an image on a relative address', '![x](/api/v1/me)', /<img/i],
    ['a protocol-relative link', '[clic](//evil.example/x)', /href="\/\/evil/i],
    ['an SVG with a script', '<svg><script>alert(1)</script></svg>', /<svg/i],
  ])('does not let %s through', (_name, payload, forbidden) => {
    expect(render(payload)).not.toMatch(forbidden);
  });

  it('shows images given by an http(s) address, without sending the page address', () => {
    expect(render('![Capture](https://example.org/a.png)')).toMatch(/<img src="https:\/\/example\.org\/a\.png" alt="Capture" loading="lazy" referrerpolicy="no-referrer"/i);
  });

  it('keeps the page outline: headings are bold text unless a level is given', () => {
    expect(render('# Titre')).toBe('<div class="markdown"><p class="font-bold">Titre</p></div>');
    expect(render('# Titre\n\n## Sous-titre', 3)).toContain('<h3>Titre</h3>\n<h4>Sous-titre</h4>');
  });

  it.each(XSS_PAYLOADS.map((p, i) => [i + 1, p]))('renders known XSS payload %i with no script, handler or script URL', (_i, payload) => {
    const html = render(payload as string);
    expect(html).not.toMatch(/<(script|iframe|object|embed|svg|math|style|meta|base|form|input|body|details)\b/i);
    // Attribute values are quoted with " escaped inside, so what is left outside quotes is markup.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(href|src|action)="\s*(javascript|vbscript|data):/i);
  });
});
