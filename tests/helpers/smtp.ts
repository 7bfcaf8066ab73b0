import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { MailTransport } from '@/lib/notifications/worker';

// A real SMTP server on a free local port, keeping what it receives. `rejectNext(n)` makes it
// refuse the next n messages with a temporary error (451), as a busy mail server would.
export async function startSmtpServer() {
  const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
  let toReject = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (toReject > 0) {
          toReject--;
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail: await simpleParser(Buffer.concat(chunks)) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }) as MailTransport;
  return {
    port,
    transport,
    received,
    rejectNext(count: number) {
      toReject = count;
    },
    to(address: string) {
      return received.filter((r) => r.envelopeTo.includes(address)).map((r) => r.mail);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
