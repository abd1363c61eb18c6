import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

/** A raw RFC 5322 message built by nodemailer's composer, as a mail server would store it. */
export const compose = (mail: Mail.Options): Promise<Buffer> => new MailComposer(mail).compile().build();
