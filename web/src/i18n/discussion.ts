/** Catalog entries of ticket discussions (issue 15: a ticket's TICKET room in internal chat); merged into messages.ts. */
export const discussionEn = {
  'roomType.TICKET': 'Ticket',
  'disc.heading': 'Staff discussion',
  'disc.hint': 'Talk this ticket over with colleagues. The customer never sees it.',
  'disc.open': 'Discussion',
  'disc.about': 'Ticket {number}',
  'disc.requester': 'Requester',
  'disc.openTicket': 'Open the ticket',
} as const;

export const discussionFa: Record<keyof typeof discussionEn, string> = {
  'roomType.TICKET': 'تیکت',
  'disc.heading': 'گفتگوی کارکنان',
  'disc.hint': 'دربارهٔ این تیکت با همکاران گفتگو کنید. مشتری آن را نمی‌بیند.',
  'disc.open': 'گفتگوی همکاران',
  'disc.about': 'تیکت {number}',
  'disc.requester': 'درخواست‌کننده',
  'disc.openTicket': 'مشاهدهٔ تیکت',
};
