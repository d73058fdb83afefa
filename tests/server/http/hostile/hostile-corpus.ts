// Generates the hostile request corpus: every registered route with hostile parameters, bodies, types, origins and path tricks.
import { randomUUID } from 'node:crypto';

/** One request of the corpus; `body` may hold any bytes. */
export interface HostileRequest {
  kind: string;
  method: string;
  /** Sent as is (latin-1 bytes on the wire, so `\u00ff` is an invalid UTF-8 byte). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** A registered route, as Hono lists it in `app.routes`. */
export interface RouteInfo {
  method: string;
  path: string;
}

/** What the corpus may use that exists in the test database but must still be refused. */
export interface CorpusFixtures {
  /** An unused invitation token of `token-study` (for kab-sleman). */
  token: string;
  /** A link code of `code-study` (for kab-sleman). */
  linkCode: string;
  /** A link code of another study. */
  otherStudyLinkCode: string;
  /** Valid answers to the test questionnaire. */
  answers: Record<string, unknown>;
}

/** Values no route may accept in any path parameter. */
const hostileSegments = [
  '%00',
  'kab-sleman%00',
  'x%00y',
  '%2e%2e',
  '..%2F..%2Fetc%2Fpasswd',
  '%2F%2F',
  '%FF%FE',
  '\u00ff\u00fe', // raw bytes 0xFF 0xFE: invalid UTF-8
  '%ED%A0%80', // an encoded lone surrogate
  '%E2%80%AE', // right-to-left override
  '%F0%9F%99%82',
  'a'.repeat(4000),
  "'%20OR%20'1'%3D'1",
  '%3Cscript%3E',
  '__proto__',
  'constructor',
  '%25',
  '-1',
  'NaN',
  'kab-sleman%0Aset-cookie',
  'KAB-SLEMAN',
  'kab-sleman%20',
  '%20kab-sleman',
  'kab_sleman',
  '1e400',
  '0x41',
  'null',
  'undefined',
  '%5B%5D',
  '%7B%7D',
  '%C0%AE%C0%AE', // overlong "..": invalid UTF-8
  '%E3%81%82'.repeat(300),
];

const json = { 'content-type': 'application/json' };

/** Bodies a submission route must refuse, given fixtures and a study's name. */
function hostileBodies(f: CorpusFixtures): [string, Buffer][] {
  const id = () => randomUUID();
  const asJson = (value: unknown) => Buffer.from(JSON.stringify(value));
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return [
    ['empty', Buffer.alloc(0)],
    ['null', Buffer.from('null')],
    ['array', Buffer.from('[]')],
    ['number', Buffer.from('42')],
    ['string', Buffer.from('"hello"')],
    ['truncated JSON', Buffer.from('{"id":"')],
    ['trailing garbage', Buffer.from('{}garbage')],
    ['deep array', Buffer.from(nested(20_000))],
    ['deep object', Buffer.from(nestedObject(5000))],
    [
      'deep answers',
      Buffer.from(`{"id":"${id()}","agency":"kab-sleman","answers":{"sex":${nested(10_000)}}}`),
    ],
    [
      'deep answer object',
      Buffer.from(
        `{"id":"${id()}","agency":"kab-sleman","answers":{"remarks":${nestedObject(5000)}}}`,
      ),
    ],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]),
    ],
    [
      'invalid UTF-8 in answers',
      Buffer.concat([
        Buffer.from(`{"id":"${id()}","agency":"kab-sleman","answers":{"remarks":"`),
        Buffer.from([0xed, 0xa0, 0x80, 0xff]),
        Buffer.from('"}}'),
      ]),
    ],
    ['UTF-16 BOM', Buffer.from('\ufeff{}', 'utf16le')],
    ['NUL in agency', asJson({ id: id(), agency: 'kab-sleman\u0000', answers: f.answers })],
    ['NUL in id', asJson({ id: `${id()}\u0000`, agency: 'kab-sleman', answers: f.answers })],
    ['NUL in token', asJson({ id: id(), token: `${f.token}\u0000`, answers: f.answers })],
    [
      'NUL in answer key',
      asJson({ id: id(), agency: 'kab-sleman', answers: { ...f.answers, 'se\u0000x': 'm' } }),
    ],
    [
      'NUL in choice',
      asJson({ id: id(), agency: 'kab-sleman', answers: { ...f.answers, sex: 'm\u0000' } }),
    ],
    ['id a number', asJson({ id: 7, agency: 'kab-sleman', answers: f.answers })],
    ['id not a UUID', asJson({ id: 'not-a-uuid', agency: 'kab-sleman', answers: f.answers })],
    ['id huge', asJson({ id: 'a'.repeat(60_000), agency: 'kab-sleman', answers: f.answers })],
    ['agency an object', asJson({ id: id(), agency: { code: 'kab-sleman' }, answers: f.answers })],
    ['agency an array', asJson({ id: id(), agency: ['kab-sleman'], answers: f.answers })],
    ['agency unknown', asJson({ id: id(), agency: 'kab-atlantis', answers: f.answers })],
    ['agency huge', asJson({ id: id(), agency: 'a'.repeat(60_000), answers: f.answers })],
    ['answers an array', asJson({ id: id(), agency: 'kab-sleman', answers: [] })],
    ['answers a string', asJson({ id: id(), agency: 'kab-sleman', answers: 'yes' })],
    ['answers null', asJson({ id: id(), agency: 'kab-sleman', answers: null })],
    ['answers missing', asJson({ id: id(), agency: 'kab-sleman' })],
    ['answers empty', asJson({ id: id(), agency: 'kab-sleman', answers: {} })],
    [
      'wrong answer types',
      asJson({
        id: id(),
        agency: 'kab-sleman',
        answers: { ...f.answers, sex: 1, trust: 'high', acts: 'x' },
      }),
    ],
    [
      'huge string answer',
      asJson({
        id: id(),
        agency: 'kab-sleman',
        answers: { ...f.answers, sex: 'x'.repeat(60_000) },
      }),
    ],
    [
      'many unknown answers',
      asJson({
        id: id(),
        agency: 'kab-sleman',
        answers: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`q${i}`, i])),
      }),
    ],
    [
      'number overflow',
      Buffer.from(`{"id":"${id()}","agency":"kab-sleman","answers":{"trust":1e400}}`),
    ],
    [
      '__proto__ key',
      Buffer.from(
        `{"id":"${id()}","agency":"kab-sleman","answers":{"__proto__":{"isAdmin":true},"sex":"m"}}`,
      ),
    ],
    [
      'constructor key',
      asJson({ id: id(), agency: 'kab-sleman', answers: { constructor: { prototype: 1 } } }),
    ],
    [
      'duplicate keys',
      Buffer.from(
        `{"id":"${id()}","id":"${id()}","agency":"kab-sleman","agency":"x","answers":{}}`,
      ),
    ],
    ['extra field', asJson({ id: id(), agency: 'kab-sleman', answers: f.answers, ip: '1.2.3.4' })],
    [
      'agency and token',
      asJson({ id: id(), agency: 'kab-sleman', token: f.token, answers: f.answers }),
    ],
    [
      'agency and link',
      asJson({ id: id(), agency: 'kab-sleman', link: f.linkCode, answers: f.answers }),
    ],
    ['made-up link', asJson({ id: id(), link: 'A'.repeat(22), answers: f.answers })],
    ['another study’s link', asJson({ id: id(), link: f.otherStudyLinkCode, answers: f.answers })],
    ['made-up token', asJson({ id: id(), token: 'T'.repeat(24), answers: f.answers })],
    ['over the body limit', Buffer.from(`{"id":"${id()}","pad":"${'x'.repeat(70_000)}"}`)],
  ];
}

/**
 * Fills a route pattern's parameters with `value` (every parameter, or the first only).
 *
 * @example
 * fill('/api/studies/:study/tokens/:token', '%00') // '/api/studies/%00/tokens/%00'
 */
function fill(pattern: string, value: (name: string) => string): string {
  return pattern.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, (_m, name: string) => value(name));
}

/** Values for parameters that exist, so the hostile part of a request is elsewhere. */
function existing(name: string, f: CorpusFixtures): string | undefined {
  const known: Record<string, string> = {
    study: 'open-study',
    agency: 'kab-sleman',
    code: 'kab-sleman',
    token: f.token,
  };
  return known[name];
}

/**
 * The corpus: for every registered route (so routes added later are covered without edits),
 * each hostile value in each parameter, the route's other methods, and for routes that take
 * a body every hostile body, the wrong content types and foreign origins; then path tricks
 * and raw requests Node's parser refuses. Every request must get a 4xx envelope.
 *
 * @example
 * const corpus = hostileCorpus(app.routes, fixtures);
 */
export function hostileCorpus(routes: readonly RouteInfo[], f: CorpusFixtures): HostileRequest[] {
  const corpus: HostileRequest[] = [];
  const seen = new Set<string>();
  const registered = routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*'));
  for (const route of registered) {
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const params = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
    const takesBody = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
    const validBody = Buffer.from(
      JSON.stringify({ id: randomUUID(), agency: 'kab-sleman', answers: f.answers }),
    );

    // Each hostile value in each parameter, the others existing.
    for (const target of params) {
      for (const value of hostileSegments) {
        corpus.push({
          kind: `${key}: hostile :${target}`,
          method: route.method,
          path: fill(route.path, (name) =>
            name === target ? value : (existing(name, f) ?? value),
          ),
          headers: takesBody ? json : {},
          ...(takesBody ? { body: validBody } : {}),
        });
      }
    }
    // Another agency's code where a token or link code belongs, and the reverse.
    if (params.includes('token') || route.path.includes('/links/:code')) {
      for (const value of [f.linkCode, f.otherStudyLinkCode, 'kab-sleman', f.token]) {
        corpus.push({
          kind: `${key}: another kind of code`,
          method: route.method,
          path: fill(route.path, (name) =>
            name === 'study' ? (value === f.token ? 'code-study' : 'token-study') : value,
          ),
          headers: {},
        });
      }
    }
    // The route's other methods.
    const concrete = fill(route.path, (name) => existing(name, f) ?? 'x');
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      if (method === route.method) continue;
      if (registered.some((r) => r.method === method && r.path === route.path)) continue;
      corpus.push({
        kind: `${key}: method ${method}`,
        method,
        path: concrete,
        headers: json,
        ...(method === 'GET' ? {} : { body: validBody }),
      });
    }
    if (!takesBody) continue;

    // Every hostile body to a study of each kind (agency links, closed, tokens, coded links).
    for (const study of ['open-study', 'closed-study', 'token-study', 'code-study']) {
      const path = fill(route.path, (name) =>
        name === 'study' ? study : (existing(name, f) ?? 'x'),
      );
      for (const [name, body] of hostileBodies(f)) {
        corpus.push({
          kind: `${key}: body ${name} to ${study}`,
          method: route.method,
          path,
          headers: json,
          body,
        });
      }
      if (!params.includes('study')) break;
    }
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=iso-8859-1',
      'application/xml',
    ]) {
      corpus.push({
        kind: `${key}: content type ${type}`,
        method: route.method,
        path: concrete,
        headers: { 'content-type': type },
        body: validBody,
      });
    }
    for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
      for (const type of ['text/plain', 'application/json']) {
        corpus.push({
          kind: `${key}: origin ${origin}`,
          method: route.method,
          path: concrete,
          headers: { 'content-type': type, origin },
          body: validBody,
        });
      }
    }
    corpus.push({
      kind: `${key}: cross-site fetch`,
      method: route.method,
      path: concrete,
      headers: { ...json, 'sec-fetch-site': 'cross-site' },
      body: validBody,
    });
  }

  // Path tricks against the whole app.
  const paths = [
    '/api/../etc/passwd',
    '/api/studies/..%2F..%2Fetc%2Fpasswd',
    '/api/studies/open-study/../../etc/passwd',
    '//api//studies//open-study//responses',
    '/api/studies/open-study/responses/',
    '/API/STUDIES',
    '/api/studies/open-study%2Fresponses',
    '/api/studies/open-study/questionnaire?lang=xx',
    '/api/studies/open-study/questionnaire?lang=%00',
    '/api/studies/open-study/questionnaire?lang=ID',
    '/api/studies/open-study/questionnaire?lang=%FF',
    `/api/studies/open-study/questionnaire?lang=${'i'.repeat(5000)}`,
    '/api/agencies/kab-sleman/extra',
    '/api/agencies/kab-sleman%00',
    '/api/studies/open-study%00/questionnaire',
    '/api/studies/token-study/tokens/',
    '/api/nope',
    '/api',
    '/api/',
    '/.env',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/healthz/extra',
    '/api/studies/open-study/responses?__proto__[x]=1',
    `/api/${'a/'.repeat(2000)}`,
  ];
  for (const path of paths)
    corpus.push({ kind: `path ${path.slice(0, 60)}`, method: 'GET', path, headers: {} });
  for (const path of [
    '/api/studies/open-study%00/responses',
    '/api/studies/X%00/responses',
    '/api/studies/%00/responses',
  ]) {
    corpus.push({
      kind: `NUL study in submission ${path}`,
      method: 'POST',
      path,
      headers: json,
      body: Buffer.from(
        JSON.stringify({ id: randomUUID(), agency: 'kab-sleman', answers: f.answers }),
      ),
    });
  }
  return corpus;
}

/** Raw requests Node's HTTP parser refuses before the app sees them. */
export const rawHostileRequests: [string, string][] = [
  ['unknown method', 'FOOBAR / HTTP/1.1\r\nHost: x\r\n\r\n'],
  [
    'non-numeric Content-Length',
    'POST /api/studies/open-study/responses HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
  ],
  [
    'negative Content-Length',
    'POST /api/studies/open-study/responses HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
  ],
  [
    'conflicting Content-Lengths',
    'POST /api/studies/open-study/responses HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
  ],
  [
    'Content-Length with chunked',
    'POST /api/studies/open-study/responses HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}',
  ],
  [
    'bad chunk size',
    'POST /api/studies/open-study/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
  ],
  ['header without colon', 'GET / HTTP/1.1\r\nHost: x\r\nbroken\r\n\r\n'],
  ['huge header', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
  [
    'many headers',
    `GET / HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 3000 }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\n\r\n`,
  ],
  ['NUL in request line', 'GET /api/\u0000 HTTP/1.1\r\nHost: x\r\n\r\n'],
  ['space in path', 'GET /api/studies /x HTTP/1.1\r\nHost: x\r\n\r\n'],
  ['HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
  ['bad version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
  ['CR in header value', 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n'],
];
