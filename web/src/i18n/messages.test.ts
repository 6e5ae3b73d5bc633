import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { en, fa } from './messages';

describe('message catalogs', () => {
  it('have the same keys', () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message parses, and plurals format in both languages', () => {
    for (const [lang, cat] of [['fa', fa], ['en', en]] as const) {
      for (const [key, text] of Object.entries(cat)) {
        expect(() => new IntlMessageFormat(text, lang), `${lang} ${key}`).not.toThrow();
      }
    }
    expect(new IntlMessageFormat(en['sidebar.unread'], 'en').format({ count: 1 })).toBe('1 unread message');
    expect(new IntlMessageFormat(en['sidebar.unread'], 'en').format({ count: 3 })).toBe('3 unread messages');
    expect(new IntlMessageFormat(fa['sidebar.unread'], 'fa').format({ count: 3 })).toBe('۳ پیام خوانده‌نشده');
  });

  it('keeps the contract names of docs/ui.md', () => {
    expect([fa['login.workspace'], fa['login.email'], fa['login.password'], fa['login.submit'], fa['logout']]).toEqual(
      ['فضای کاری', 'ایمیل', 'گذرواژه', 'ورود', 'خروج']);
    expect([en['login.workspace'], en['login.email'], en['login.password'], en['login.submit'], en['logout']]).toEqual(
      ['Workspace', 'Email', 'Password', 'Log in', 'Log out']);
    expect([fa['log.label'], fa['composer.label'], fa['composer.send'], fa['lang.label']]).toEqual(['پیام‌ها', 'پیام', 'ارسال', 'زبان']);
    expect([en['log.label'], en['composer.label'], en['composer.send'], en['lang.label']]).toEqual(['Messages', 'Message', 'Send', 'Language']);
    expect(fa['typing.one']).toContain('در حال نوشتن');
    expect(en['typing.one']).toContain('typing');
  });
});

describe('support catalog', () => {
  it('keeps the contract names of docs/ui.md for the support screens', () => {
    expect([fa['sc.note.switch'], fa['panel.status'], fa['sc.f.assignee'], fa['panel.new'], fa['panel.subject'], fa['sc.description'], fa['form.submit']])
      .toEqual(['یادداشت داخلی', 'وضعیت', 'کارشناس', 'تیکت جدید', 'موضوع', 'توضیحات', 'ثبت']);
    expect([en['sc.note.switch'], en['panel.status'], en['sc.f.assignee'], en['panel.new'], en['panel.subject'], en['sc.description'], en['form.submit']])
      .toEqual(['Internal note', 'Status', 'Assignee', 'New ticket', 'Subject', 'Description', 'Submit']);
    expect(fa['sc.typing']).toContain('در حال نوشتن');
    expect(en['sc.typing.support']).toContain('typing');
  });
  it('keeps the contract names of docs/ui.md for date-time fields and their calendars', () => {
    expect([fa['sc.dueAt'], fa['si.contactAt'], fa['si.dueAt']]).toEqual(['سررسید', 'زمان تماس', 'زمان سررسید']);
    expect([en['sc.dueAt'], en['si.contactAt'], en['si.dueAt']]).toEqual(['Due date', 'Contact time', 'Due time']);
    expect(new IntlMessageFormat(fa['date.calendar'], 'fa').format({ field: fa['sc.dueAt'] })).toBe('تقویم: سررسید');
    expect(new IntlMessageFormat(en['date.calendar'], 'en').format({ field: en['sc.dueAt'] })).toBe('Calendar: Due date');
  });
  it('keeps the contract names of docs/ui.md for ticket discussions', () => {
    expect([fa['disc.open'], en['disc.open']]).toEqual(['گفتگوی همکاران', 'Discussion']);
  });
  it('numbers in Persian use Persian digits', () => {
    expect(new IntlMessageFormat(fa['pager.of'], 'fa-IR').format({ page: 2, pages: 10 })).toBe('صفحهٔ ۲ از ۱۰');
  });
});
