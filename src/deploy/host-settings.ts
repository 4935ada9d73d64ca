/**
 * What each host needs to serve one site folder, printed by deploy:check and shown in
 * docs/hosting.md (the nginx block is the one test/e2e/nginx-basic-auth.test.ts runs).
 */
export interface HostTarget {
  /** the audience's name, or null for the company's site */
  name: string | null;
  /** the URL path the site was built for */
  base: string;
  /** the folder's absolute path on the server (nginx's alias) */
  dir: string;
  /** the htpasswd file of this audience (nginx basic auth) */
  htpasswd?: string;
}

/** nginx: the folder under its base path, behind basic auth, with the site's own 404 page */
export function nginxBlock(t: HostTarget): string {
  const who = t.name ?? 'company';
  const dir = t.dir.endsWith('/') ? t.dir : `${t.dir}/`;
  return [
    `location ${t.base} {`,
    `    alias ${dir};`,
    `    index index.html;`,
    `    auth_basic "Accountable · ${who}";`,
    `    auth_basic_user_file ${t.htpasswd ?? `/etc/nginx/accountable/${who}.htpasswd`};`,
    `    error_page 404 ${t.base}404.html;`,
    `    absolute_redirect off;`,
    `}`,
  ].join('\n');
}

/** every target's settings as deploy:check prints them */
export function hostSettings(t: HostTarget): string {
  const prefix = t.base === '/' ? '' : t.base.slice(1);
  const bucketPath = prefix ? `the bucket's ${prefix} prefix (objects ${prefix}index.html, ${prefix}people/…)` : 'the bucket root';
  return [
    `nginx (basic auth; htpasswd -c -B <file> <user>, or openssl passwd -apr1):`,
    indent(nginxBlock(t)),
    ``,
    `oauth2-proxy in front of a static server (company login, e.g. a DingTalk/Feishu/WeCom OIDC app):`,
    indent([
      `oauth2-proxy --upstream=file://${t.dir.endsWith('/') ? t.dir : `${t.dir}/`}#${t.base} \\`,
      `  --provider=oidc --oidc-issuer-url=<issuer> --client-id=<id> --client-secret=<secret> \\`,
      `  --email-domain=<company domain> --authenticated-emails-file=<${t.name ?? 'company'} members> \\`,
      `  --cookie-secret=<32 random bytes, base64> --http-address=127.0.0.1:4180`,
    ].join('\n')),
    ``,
    `Aliyun OSS static website (PutBucketWebsite; upload the folder to ${bucketPath}):`,
    indent([
      `IndexDocument: Suffix index.html, SupportSubDir true, Type 0   # /people/x/ serves people/x/index.html`,
      `ErrorDocument: Key ${prefix}404.html, HttpStatus 404`,
      `custom domain (CNAME) bound to the bucket: the default *.aliyuncs.com domain sends HTML as a download`,
    ].join('\n')),
    ``,
    `Tencent COS static website (PUT Bucket website; upload the folder to ${bucketPath}):`,
    indent([
      `IndexDocument: Suffix index.html                  # also serves every sub-folder's index.html`,
      `ErrorDocument: Key ${prefix}404.html, OriginalHttpStatus Enabled`,
      `custom domain bound to the static-website endpoint: default COS domains send every file as a download`,
    ].join('\n')),
  ].join('\n');
}

const indent = (s: string) => s.split('\n').map((l) => `    ${l}`).join('\n');
