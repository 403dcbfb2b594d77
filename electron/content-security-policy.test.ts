import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, contentSecurityPolicyDirectives, parseContentSecurityPolicy, syncEndpointOrigin } from './content-security-policy';

describe('buildContentSecurityPolicy', () => {
  const policy = parseContentSecurityPolicy(buildContentSecurityPolicy({ syncEndpoint: 'https://sync.clinic.example/api/v1' }));

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['connect-src', ["'self'", 'https://sync.clinic.example']],
  ])('sets %s to %j', (directive, sources) => {
    expect(policy.get(directive)).toEqual(sources);
  });

  it('allows no inline script, eval, wildcard or remote script source anywhere', () => {
    for (const [directive, sources] of policy) {
      for (const source of sources) {
        expect(source, directive).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|^\*$|^https?:$|^'nonce-|^'sha/);
      }
    }
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('lists only self in connect-src when no sync endpoint is configured', () => {
    expect(parseContentSecurityPolicy(buildContentSecurityPolicy()).get('connect-src')).toEqual(["'self'"]);
  });

  it('adds nothing to connect-src for a refused endpoint instead of opening up', () => {
    for (const syncEndpoint of ['javascript:alert(1)', 'http://sync.clinic.example', 'file:///etc/passwd', '*', "https://a.example; script-src 'unsafe-inline'", 'data:text/html,x', 'https://*.example', 'https://a.example;worker-src']) {
      const directives = contentSecurityPolicyDirectives({ syncEndpoint });
      expect(directives.get('connect-src'), syncEndpoint).toEqual(["'self'"]);
      expect(directives.get('script-src'), syncEndpoint).toEqual(["'self'"]);
    }
  });

  it('is one header line with every directive once', () => {
    const header = buildContentSecurityPolicy({ syncEndpoint: 'https://sync.example' });
    expect(header).not.toMatch(/[\r\n]/);
    const names = header.split(';').map((part) => part.trim().split(' ')[0]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('syncEndpointOrigin', () => {
  it('reduces an endpoint with a path, query, fragment or default port to its origin', () => {
    expect(syncEndpointOrigin('https://sync.clinic.example/api/v1?token=x#frag')).toEqual({ ok: true, origin: 'https://sync.clinic.example' });
    expect(syncEndpointOrigin('https://sync.clinic.example:443/')).toEqual({ ok: true, origin: 'https://sync.clinic.example' });
    expect(syncEndpointOrigin('  https://SYNC.Clinic.example:8443/x ')).toEqual({ ok: true, origin: 'https://sync.clinic.example:8443' });
  });

  it('allows plain http only on loopback (a local dev/test sync server)', () => {
    expect(syncEndpointOrigin('http://127.0.0.1:8787/sync')).toEqual({ ok: true, origin: 'http://127.0.0.1:8787' });
    expect(syncEndpointOrigin('http://localhost:8787')).toEqual({ ok: true, origin: 'http://localhost:8787' });
    expect(syncEndpointOrigin('http://[::1]:8787')).toEqual({ ok: true, origin: 'http://[::1]:8787' });
    expect(syncEndpointOrigin('http://sync.clinic.example').ok).toBe(false);
    expect(syncEndpointOrigin('http://localhost.evil.example').ok).toBe(false);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/plain,x',
    'wss://sync.example',
    'ftp://sync.example',
    'sync.example',
    '',
    "https://a.example'; script-src *",
    'https://user:pw@sync.example',
    // The URL parser accepts these hosts; as CSP sources they are a wildcard, a second directive, a quote, a list.
    'https://*.example.com',
    'https://sync.example;worker-src',
    "https://sync.example'",
    'https://a,b.example',
    `https://${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(63)}.example`,
  ])(
    'refuses %j',
    (endpoint) => {
      expect(syncEndpointOrigin(endpoint)).toMatchObject({ ok: false, reason: expect.any(String) });
    },
  );
});

describe('parseContentSecurityPolicy', () => {
  it('keeps the first of duplicate directives, as browsers do', () => {
    expect(parseContentSecurityPolicy("script-src 'self'; SCRIPT-SRC *; ;").get('script-src')).toEqual(["'self'"]);
  });
});
