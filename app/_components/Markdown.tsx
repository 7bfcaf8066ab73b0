import type { ComponentProps, ElementType } from 'react';
import ReactMarkdown, { defaultUrlTransform, type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

// Renders what people write (notes, resources) as sanitised markdown. Raw HTML is never
// interpreted (it shows as text), links keep only http(s), mailto and same-site addresses,
// images only from absolute http(s) addresses ("images by link", nothing uploaded), and the
// rendered tree goes through rehype-sanitize (GitHub's allow-list) as a second belt.

type Props = {
  children: string;
  // Level of the markdown's "#" headings inside the page (2 → h2, "##" → h3…). Without it,
  // headings are shown as bold paragraphs, so a note cannot break the page's outline.
  baseHeadingLevel?: 2 | 3 | 4;
  className?: string;
};

const IMAGE_URL = /^https?:\/\//i;

// The URL rule of react-markdown (drops javascript:, vbscript:, data: …), plus: no
// protocol-relative addresses ("//evil.example"), which would leave the site.
function safeUrl(url: string): string {
  const kept = defaultUrlTransform(url.trim());
  return kept.startsWith('//') ? '' : kept;
}

function headings(base: Props['baseHeadingLevel']): Components {
  const levels = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
  return Object.fromEntries(
    levels.map((tag, index) => {
      const Tag = (base ? levels[Math.min(5, base - 1 + index)] : 'p') as ElementType;
      const Heading = ({ node: _node, ...props }: ComponentProps<'h1'> & { node?: unknown }) => <Tag {...props} className={base ? undefined : 'font-bold'} />;
      return [tag, Heading];
    }),
  );
}

export function Markdown({ children, baseHeadingLevel, className }: Props) {
  const components: Components = {
    ...headings(baseHeadingLevel),
    a: ({ node: _node, href, children: text, ...props }) =>
      href ? (
        <a {...props} href={href} rel="nofollow ugc noopener noreferrer">
          {text}
        </a>
      ) : (
        <span>{text}</span>
      ),
    img: ({ node: _node, src, alt }) =>
      typeof src === 'string' && IMAGE_URL.test(src) ? (
        // eslint-disable-next-line @next/next/no-img-element -- images of other sites, by link
        <img src={src} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" className="h-auto max-w-full" />
      ) : (
        <span>{alt}</span>
      ),
  };
  return (
    <div className={['markdown', className].filter(Boolean).join(' ')}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} urlTransform={safeUrl} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
