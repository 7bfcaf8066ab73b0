import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native or WASM packages that must be loaded by Node, not bundled.
  // pdfkit reads its own data files and fontkit's at run time.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'nodemailer', 'pdfkit', 'pino', 'postgres'],
  // The PDF fonts are read from disk (lib/pdf/document.ts): ship them with every route that prints one.
  outputFileTracingIncludes: { '/**': ['./lib/pdf/fonts/**'] },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  poweredByHeader: false,
  // Static files skip proxy.ts: they still get the headers that do not need a nonce.
  async headers() {
    return [
      {
        source: '/_next/static/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
