import { createHmac } from 'node:crypto';
import type { NotifyCard } from './card.ts';

/**
 * Group robots of DingTalk (钉钉), Feishu (飞书) and WeCom (企业微信): the request each expects
 * for a card, and their signing rules.
 *
 * - DingTalk, "加签": timestamp in ms; sign = base64(HMAC-SHA256(key = secret, "timestamp\nsecret")),
 *   URL-encoded, appended to the webhook as `&timestamp=…&sign=…`. Payload: an actionCard.
 * - Feishu, "签名校验": timestamp in s; sign = base64(HMAC-SHA256(key = "timestamp\nsecret", empty
 *   message)), sent in the body with the timestamp. Payload: an interactive card.
 * - WeCom: no signature (the webhook key is the secret). Payload: markdown.
 */
export type RobotKind = 'dingtalk' | 'feishu' | 'wecom';

export const dingtalkSign = (timestampMs: number, secret: string): string =>
  createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');

export const feishuSign = (timestampS: number, secret: string): string =>
  createHmac('sha256', `${timestampS}\n${secret}`).update('').digest('base64');

/** The robot a webhook belongs to, from its host (an explicit kind wins). */
export const robotKind = (webhook: string, explicit?: string): RobotKind | null => {
  if (explicit === 'dingtalk' || explicit === 'feishu' || explicit === 'wecom') return explicit;
  const host = new URL(webhook).hostname;
  if (/dingtalk\.com$/.test(host)) return 'dingtalk';
  if (/(feishu\.cn|larksuite\.com)$/.test(host)) return 'feishu';
  if (/qyapi\.weixin\.qq\.com$/.test(host)) return 'wecom';
  return null;
};

const markdown = (c: NotifyCard): string =>
  [`### ${c.title}`, '', c.summary, '', ...c.figures.map((f) => `- **${f.label}** ${f.value}（${f.change}）`), '', `[${c.linkText}](${c.url})`].join('\n');

export interface RobotRequest {
  url: string;
  body: unknown;
}

/** The request to send; `nowMs` is the clock (injected). */
export function robotRequest(kind: RobotKind, webhook: string, secret: string | undefined, card: NotifyCard, nowMs: number): RobotRequest {
  switch (kind) {
    case 'dingtalk': {
      let url = webhook;
      if (secret) {
        const sign = encodeURIComponent(dingtalkSign(nowMs, secret));
        url += `${webhook.includes('?') ? '&' : '?'}timestamp=${nowMs}&sign=${sign}`;
      }
      return { url, body: { msgtype: 'actionCard', actionCard: { title: card.title, text: markdown(card), btnOrientation: '0', singleTitle: card.linkText, singleURL: card.url } } };
    }
    case 'feishu': {
      const ts = Math.floor(nowMs / 1000);
      const content = [card.summary, '', ...card.figures.map((f) => `**${f.label}** ${f.value}（${f.change}）`)].join('\n');
      return {
        url: webhook,
        body: {
          ...(secret ? { timestamp: String(ts), sign: feishuSign(ts, secret) } : {}),
          msg_type: 'interactive',
          card: {
            config: { wide_screen_mode: true },
            header: { title: { tag: 'plain_text', content: card.title } },
            elements: [
              { tag: 'div', text: { tag: 'lark_md', content } },
              { tag: 'action', actions: [{ tag: 'button', text: { tag: 'plain_text', content: card.linkText }, url: card.url, type: 'primary' }] },
            ],
          },
        },
      };
    }
    case 'wecom':
      return { url: webhook, body: { msgtype: 'markdown', markdown: { content: markdown(card) } } };
  }
}

/** Robots answer 200 with an error code in the body: `errcode` (DingTalk, WeCom) or `code` (Feishu). */
export const robotError = (body: unknown): string | null => {
  if (typeof body !== 'object' || body === null) return 'the robot answered without a JSON body';
  const b = body as Record<string, unknown>;
  const code = b.errcode ?? b.code ?? b.StatusCode ?? 0;
  return code === 0 ? null : `the robot answered ${String(code)}: ${String(b.errmsg ?? b.msg ?? b.StatusMessage ?? '')}`;
};

/** POST the card; `fetchFn` injected (tests use a local server). Resolves to null or an error text. */
export async function sendCard(req: RobotRequest, fetchFn: typeof fetch = fetch): Promise<string | null> {
  const res = await fetchFn(req.url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(req.body) });
  if (!res.ok) return `HTTP ${res.status} from the webhook`;
  return robotError(await res.json().catch(() => null));
}
