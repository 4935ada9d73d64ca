import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyCard } from '../../src/notify/card.ts';
import { robotKind, robotRequest, sendCard } from '../../src/notify/robots.ts';
import { readBundle } from '../../src/site-data/load.ts';

/**
 * The robots' side, played by a server on 127.0.0.1 that checks what the vendors' docs require:
 * DingTalk — `timestamp` (ms) and `sign` = urlencode(base64(HMAC-SHA256(secret, "timestamp\nsecret")))
 * in the query; Feishu — `timestamp` (s) and `sign` = base64(HMAC-SHA256(key "timestamp\nsecret",
 * empty message)) in the body. The expected signatures are computed here, not by the module.
 */
const SECRET = 'SEC0123456789abcdef';
let server: Server;
let base = '';
const received: { path: string; query: URLSearchParams; body: Record<string, unknown> }[] = [];

const readBody = (req: IncomingMessage) => new Promise<string>((ok) => { let s = ''; req.on('data', (c) => (s += c)); req.on('end', () => ok(s)); });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    received.push({ path: url.pathname, query: url.searchParams, body });
    let ok = false;
    if (url.pathname === '/robot/send') {
      const ts = url.searchParams.get('timestamp') ?? '';
      const want = createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
      // the raw query must carry the URL-encoded form (base64 has + / =)
      ok = Math.abs(Date.now() - Number(ts)) < 3_600_000 && url.searchParams.get('sign') === want && (req.url ?? '').includes(`sign=${encodeURIComponent(want)}`);
      res.end(JSON.stringify(ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' }));
    } else if (url.pathname === '/open-apis/bot/v2/hook/x') {
      const ts = Number(body.timestamp);
      const want = createHmac('sha256', `${ts}\n${SECRET}`).update('').digest('base64');
      ok = Math.abs(Date.now() / 1000 - ts) < 3600 && body.sign === want;
      res.end(JSON.stringify(ok ? { code: 0, msg: 'success' } : { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' }));
    } else {
      res.end(JSON.stringify({ errcode: 0 }));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const bundle = readBundle(resolve(process.cwd(), 'test/fixtures/bundle'));

describe('npm run notify', () => {
  const card = notifyCard(bundle, 'zh-CN', 'https://perf.example.cn', '/')!;

  it('builds a card: the summary, three figures and an absolute link to the period', () => {
    expect(card.figures).toHaveLength(3);
    expect(card.url).toMatch(/^https:\/\/perf\.example\.cn\/\d{4}-Q[1-4]\/$/);
    expect(card.summary.length).toBeGreaterThan(20);
    expect(card.summary).not.toMatch(/at_risk|cant_lose/);
  });

  it('DingTalk: a signed request the robot accepts', async () => {
    const req = robotRequest('dingtalk', `${base}/robot/send?access_token=abc`, SECRET, card, Date.now());
    expect(await sendCard(req)).toBeNull();
    const got = received.at(-1)!;
    expect(got.query.get('access_token')).toBe('abc');
    const ac = got.body.actionCard as Record<string, string>;
    expect(got.body.msgtype).toBe('actionCard');
    expect(ac.singleURL).toBe(card.url);
    expect(ac.text).toContain(card.summary);
    for (const f of card.figures) expect(ac.text).toContain(f.value);
  });

  it('DingTalk: a wrong secret is reported, not ignored', async () => {
    const req = robotRequest('dingtalk', `${base}/robot/send?access_token=abc`, 'wrong', card, Date.now());
    expect(await sendCard(req)).toMatch(/310000/);
  });

  it('Feishu: a signed interactive card', async () => {
    const req = robotRequest('feishu', `${base}/open-apis/bot/v2/hook/x`, SECRET, card, Date.now());
    expect(await sendCard(req)).toBeNull();
    const body = received.at(-1)!.body;
    expect(body.msg_type).toBe('interactive');
    expect(JSON.stringify(body.card)).toContain(card.url);
  });

  it('tells the robot from the webhook host', () => {
    expect(robotKind('https://oapi.dingtalk.com/robot/send?access_token=x')).toBe('dingtalk');
    expect(robotKind('https://open.feishu.cn/open-apis/bot/v2/hook/x')).toBe('feishu');
    expect(robotKind('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x')).toBe('wecom');
    expect(robotKind('http://127.0.0.1:1/x')).toBeNull();
    expect(robotKind('http://127.0.0.1:1/x', 'wecom')).toBe('wecom');
  });

  it('the script posts the built bundle’s card', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/notify.ts'], {
      env: { ...process.env, ACCOUNTABLE_NOTIFY_WEBHOOK: `${base}/robot/send?access_token=t`, ACCOUNTABLE_NOTIFY_SECRET: SECRET, ACCOUNTABLE_NOTIFY_KIND: 'dingtalk', ACCOUNTABLE_BUNDLE_DIR: 'test/fixtures/bundle', ACCOUNTABLE_SITE_URL: 'https://perf.example.cn' },
    });
    expect(stdout).toContain('posted');
    expect((received.at(-1)!.body.actionCard as Record<string, string>).singleURL).toMatch(/^https:\/\/perf\.example\.cn\//);
  });
});
