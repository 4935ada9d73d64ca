/**
 * npm run notify: after a build, post the overview's card (summary, three figures, the link) to
 * a DingTalk, Feishu or WeCom group robot.
 *
 * Environment: ACCOUNTABLE_NOTIFY_WEBHOOK (the robot's webhook URL), ACCOUNTABLE_NOTIFY_SECRET
 * (DingTalk 加签 / Feishu 签名校验 secret, optional), ACCOUNTABLE_NOTIFY_KIND (dingtalk | feishu |
 * wecom; default from the webhook's host), ACCOUNTABLE_NOTIFY_LOCALE (zh-CN | en, default zh-CN),
 * ACCOUNTABLE_SITE_URL (the published site, for an absolute link), ACCOUNTABLE_BASE,
 * ACCOUNTABLE_BUNDLE_DIR. Exit code 1 with the reason on any failure.
 */
import { isLocale } from '../src/i18n/index.ts';
import { notifyCard } from '../src/notify/card.ts';
import { robotKind, robotRequest, sendCard } from '../src/notify/robots.ts';
import { bundleDir, readBundle } from '../src/site-data/load.ts';

const env = process.env;
const fail = (msg: string) => {
  console.error(`notify: ${msg}`);
  process.exit(1);
};
const webhook = env.ACCOUNTABLE_NOTIFY_WEBHOOK;
if (!webhook) fail('set ACCOUNTABLE_NOTIFY_WEBHOOK to the group robot’s webhook URL');
const kind = robotKind(webhook!, env.ACCOUNTABLE_NOTIFY_KIND);
if (!kind) fail('cannot tell the robot from the webhook’s host: set ACCOUNTABLE_NOTIFY_KIND to dingtalk, feishu or wecom');
const locale = env.ACCOUNTABLE_NOTIFY_LOCALE ?? 'zh-CN';
if (!isLocale(locale)) fail(`ACCOUNTABLE_NOTIFY_LOCALE must be zh-CN or en, not "${locale}"`);
if (!env.ACCOUNTABLE_SITE_URL) console.warn('notify: ACCOUNTABLE_SITE_URL is not set: the card links to a path, not a full URL');

const bundle = readBundle(bundleDir(env));
const card = notifyCard(bundle, locale as 'zh-CN' | 'en', env.ACCOUNTABLE_SITE_URL, env.ACCOUNTABLE_BASE ?? '/');
if (!card) fail('the bundle has no complete period: nothing to post (run npm run build first)');
const error = await sendCard(robotRequest(kind!, webhook!, env.ACCOUNTABLE_NOTIFY_SECRET, card!, Date.now()));
if (error) fail(error);
console.log(`notify: posted "${card!.title}" to the ${kind} robot`);
