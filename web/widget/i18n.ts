/** The widget's words in Persian and English (plain strings: the widget does not load react-intl). */
export type Lang = 'fa' | 'en';

const fa = {
  title: 'گفتگو با پشتیبانی',
  close: 'بستن',
  greeting: 'سلام! سوالی دارید؟ پیام بگذارید، همکاران ما همین‌جا پاسخ می‌دهند.',
  messages: 'پیام‌ها',
  message: 'پیام',
  send: 'ارسال',
  name: 'نام',
  email: 'ایمیل',
  optional: 'اختیاری',
  attach: 'پیوست پرونده',
  removeAttachment: (name: string) => `برداشتن ${name}`,
  uploading: (name: string) => `در حال بارگذاری ${name}`,
  download: (name: string) => `دریافت ${name}`,
  you: 'شما',
  support: 'پشتیبانی',
  typing: (who: string) => `${who} در حال نوشتن است…`,
  sending: 'در حال ارسال…',
  notSent: 'ارسال نشد',
  retry: 'ارسال دوباره',
  connecting: 'در حال اتصال…',
  offline: 'اتصال قطع است، تلاش دوباره…',
  starting: 'در حال شروع گفتگو…',
  closedNote: 'این گفتگو بسته شده است.',
  resolvedNote: 'این گفتگو حل‌شده علامت خورده است؛ اگر هنوز سوالی دارید بنویسید.',
  newConversation: 'گفتگوی تازه',
  rateTitle: 'از این گفتگو راضی بودید؟',
  rating: 'امتیاز',
  stars: (n: number) => `${n.toLocaleString('fa-IR')} از ۵`,
  comment: 'نظر',
  sendRating: 'ثبت امتیاز',
  thanks: 'ممنون از بازخورد شما!',
  yourRating: (n: number) => `امتیاز شما: ${n.toLocaleString('fa-IR')} از ۵`,
  errors: {
    generic: 'مشکلی پیش آمد؛ لطفاً دوباره تلاش کنید.',
    rate: 'تعداد درخواست‌ها زیاد است؛ کمی بعد دوباره تلاش کنید.',
    verify: 'هویت شما تأیید نشد؛ صفحه را دوباره باز کنید.',
    blocked: 'امکان گفتگو از اینجا برای شما بسته شده است.',
    tooLarge: 'پرونده بزرگ‌تر از حد مجاز است.',
    type: 'این نوع پرونده پذیرفته نمی‌شود.',
    unavailable: 'گفتگو اکنون در دسترس نیست.',
  },
  ticket: (n: string) => `گفتگوی ${n}`,
};

export type Strings = typeof fa;

const en: Strings = {
  title: 'Chat with support',
  close: 'Close',
  greeting: 'Hi! Have a question? Leave a message and our team will answer right here.',
  messages: 'Messages',
  message: 'Message',
  send: 'Send',
  name: 'Name',
  email: 'Email',
  optional: 'optional',
  attach: 'Attach files',
  removeAttachment: (name) => `Remove ${name}`,
  uploading: (name) => `Uploading ${name}`,
  download: (name) => `Download ${name}`,
  you: 'You',
  support: 'Support',
  typing: (who) => `${who} is typing…`,
  sending: 'Sending…',
  notSent: 'Not sent',
  retry: 'Retry sending',
  connecting: 'Connecting…',
  offline: 'Offline, reconnecting…',
  starting: 'Starting the conversation…',
  closedNote: 'This conversation is closed.',
  resolvedNote: 'This conversation was marked resolved; write if you still need help.',
  newConversation: 'New conversation',
  rateTitle: 'How did we do?',
  rating: 'Rating',
  stars: (n) => `${n} of 5`,
  comment: 'Comment',
  sendRating: 'Send rating',
  thanks: 'Thank you for your feedback!',
  yourRating: (n) => `Your rating: ${n} of 5`,
  errors: {
    generic: 'Something went wrong; please try again.',
    rate: 'Too many requests; please try again in a little while.',
    verify: 'We could not verify who you are; please reload the page.',
    blocked: 'You can no longer start a conversation here.',
    tooLarge: 'The file is larger than allowed.',
    type: 'This kind of file is not accepted.',
    unavailable: 'The chat is not available right now.',
  },
  ticket: (n) => `Conversation ${n}`,
};

export const strings: Record<Lang, Strings> = { fa, en };

/**
 * The widget's language: the site's data-language, else the workspace setting (fa, en), else the host page's
 * <html lang> (Persian for fa…, English for any other language, Persian when the page names none).
 */
export function chooseLang(explicit: string | null | undefined, setting: string | null | undefined,
                           hostLang: string | null | undefined): Lang {
  if (explicit === 'fa' || explicit === 'en') return explicit;
  if (setting === 'fa' || setting === 'en') return setting;
  const host = (hostLang ?? '').trim().toLowerCase();
  if (!host || host.startsWith('fa')) return 'fa';
  return 'en';
}
