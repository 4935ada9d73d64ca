import { z } from 'zod';
import { date, id, oneOf, text } from './fields.ts';

export const interactionTypes = ['visit', 'call', 'email', 'message', 'meeting', 'other'] as const;

/**
 * interactions.csv: a follow-up, call, message or visit (跟进/拜访记录).
 * `occurred_at` may be empty only when `requested_at` is set (a visit asked for, not yet held).
 */
export const interactionRow = z.object({
  interaction_id: id(),
  customer_id: id(),
  owner_id: id(),
  type: oneOf(interactionTypes, {
    visit: 'visit', 上门拜访: 'visit', 拜访: 'visit', 上门: 'visit',
    call: 'call', phone: 'call', 电话: 'call', 电话回访: 'call',
    email: 'email', 'e-mail': 'email', 邮件: 'email',
    message: 'message', 微信: 'message', 短信: 'message', sms: 'message', wechat: 'message', 消息: 'message',
    meeting: 'meeting', 会议: 'meeting',
    other: 'other', 其他: 'other',
  }),
  occurred_at: date().nullable(),
  requested_at: date().nullable(),
  channel: text().nullable(),
  outcome: text().nullable(),
});
export type InteractionRow = z.infer<typeof interactionRow>;
