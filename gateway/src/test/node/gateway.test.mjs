// The official OpenAI Node SDK (npm "openai", 6.x) against Junction's gateway, with Google behind it
// simulated by WireMock answering its documented replies. Run by NodeOpenAiClientTest, which starts
// WireMock and the gateway and passes their addresses in the environment; run alone, it fails at once.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run these tests through NodeOpenAiClientTest (./mvnw -pl gateway test), which starts the gateway`);
  }
  return value;
}

const GATEWAY_URL = required('JUNCTION_GATEWAY_URL');
const KEY_ALL = required('JUNCTION_KEY_ALL');
const KEY_GEMINI_3 = required('JUNCTION_KEY_GEMINI_3');
const KEY_BROKE = required('JUNCTION_KEY_BROKE');
const WIREMOCK = required('VENDOR_WIREMOCK_URL');
const CHAT_PATH = required('VENDOR_CHAT_PATH');
const VENDOR_KEY = required('VENDOR_KEY');
const VENDOR_TIMEOUT_SECONDS = Number(required('VENDOR_TIMEOUT_SECONDS'));
const FIXTURES = required('GOOGLE_FIXTURES');

const WEATHER_QUESTION = '东京和大阪今天天气怎么样?';
const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: "Today's weather at a place",
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
};

const fixture = (name) => readFileSync(join(FIXTURES, name), 'utf8');

// No SDK retries: one request, one answer, one assertion.
const clientWith = (apiKey) => new OpenAI({ baseURL: GATEWAY_URL, apiKey, maxRetries: 0, timeout: 30_000 });
const client = clientWith(KEY_ALL);

const explain = (model) => ({
  model,
  messages: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'Explain to me how AI works' },
  ],
});

// ------------------------------------------------------------------ WireMock (Google) admin API

async function admin(path, body) {
  const response = await fetch(WIREMOCK + '/__admin' + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `WireMock ${path}: HTTP ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Google answers the next chat call with this response definition. */
const vendorReplies = (response) => admin('/mappings', { request: { method: 'POST', url: CHAT_PATH }, response });
const vendorRepliesJson = (name) =>
  vendorReplies({ status: 200, headers: { 'Content-Type': 'application/json' }, body: fixture(name) });
const vendorRepliesStream = (name) =>
  vendorReplies({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body: fixture(name) });
const googleError = (code, status, message) => JSON.stringify([{ error: { code, message, status } }]);

/** The chat requests Google received, oldest first. */
async function vendorRequests() {
  const found = await admin('/requests/find', { method: 'POST', url: CHAT_PATH });
  return found.requests;
}

beforeEach(async () => {
  await admin('/reset');
});

/** Asserts the single request Google received and returns its parsed body. */
async function onlyVendorRequest() {
  const requests = await vendorRequests();
  assert.equal(requests.length, 1, 'Google received exactly one request');
  return requests[0];
}

// ------------------------------------------------------------------ chat

test('chat gives content, usage with cost and the junction headers', async () => {
  await vendorRepliesJson('chat-reply.json');

  const { data: completion, response } = await client.chat.completions.create(explain('gemini-2.5-pro')).withResponse();

  assert.equal(response.status, 200);
  assert.equal(completion.object, 'chat.completion');
  assert.equal(completion.model, 'gemini-2.5-pro');
  assert.equal(completion.choices[0].message.content,
    'AI works by learning patterns from examples and using them to make predictions.');
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.equal(completion.usage.prompt_tokens, 8);
  assert.equal(completion.usage.completion_tokens, 17);
  assert.equal(completion.usage.total_tokens, 25);
  // Google's list price: 8 × $1.25/M + 17 × $10/M.
  assert.ok(Math.abs(completion.usage.cost - 0.00018) < 1e-12, `usage.cost ${completion.usage.cost}`);
  assert.equal(response.headers.get('x-junction-provider'), 'google');
  assert.equal(response.headers.get('x-junction-attempts'), '1');
  assert.ok(Math.abs(Number(response.headers.get('x-junction-cost-usd')) - 0.00018) < 1e-12);
  assert.ok(Number(response.headers.get('x-junction-quote-usd')) > 0, response.headers.get('x-junction-quote-usd'));

  const sent = await onlyVendorRequest();
  assert.deepEqual(JSON.parse(sent.body), JSON.parse(fixture('explain-request.json')));
  const withVendorKey = await admin('/requests/count', {
    method: 'POST', url: CHAT_PATH, headers: { Authorization: { equalTo: `Bearer ${VENDOR_KEY}` } },
  });
  assert.equal(withVendorKey.count, 1, "Google got the gateway's own key, not the caller's");
});

test('chat gives gemini 3 thoughts as reasoning_content', async () => {
  await vendorRepliesJson('thoughts-reply.json');

  const completion = await client.chat.completions.create({
    model: 'gemini-3-pro',
    messages: [{ role: 'user', content: 'Explain to me how AI works' }],
  });

  const message = completion.choices[0].message;
  assert.equal(message.content, 'AI learns patterns from examples.');
  assert.equal(message.reasoning_content, '**Explaining AI simply**\nI will describe learning from examples.');
  // gemini-3-pro list price: 8 × $2/M + 30 × $12/M.
  assert.ok(Math.abs(completion.usage.cost - 0.000376) < 1e-12, `usage.cost ${completion.usage.cost}`);
  const sent = await onlyVendorRequest();
  assert.deepEqual(JSON.parse(sent.body), {
    model: 'gemini-3-pro-preview',
    messages: [{ role: 'user', content: 'Explain to me how AI works' }],
  });
});

test('chat by provider/model goes to that provider', async () => {
  await vendorRepliesJson('chat-reply.json');

  const { data: completion, response } = await client.chat.completions.create(explain('google/gemini-2.5-pro')).withResponse();

  assert.equal(completion.model, 'google/gemini-2.5-pro');
  assert.equal(completion.usage.total_tokens, 25);
  assert.equal(response.headers.get('x-junction-provider'), 'google');
  const sent = await onlyVendorRequest();
  assert.deepEqual(JSON.parse(sent.body), JSON.parse(fixture('explain-request.json')));
});

// ------------------------------------------------------------------ stream

test('stream gives deltas, then one usage chunk with cost', async () => {
  await vendorRepliesStream('explain-stream.sse');

  const { data: stream, response } = await client.chat.completions
    .create({ ...explain('gemini-2.5-pro'), stream: true, stream_options: { include_usage: true } })
    .withResponse();

  assert.equal(response.headers.get('x-junction-provider'), 'google');
  assert.match(response.headers.get('content-type'), /^text\/event-stream/);
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
  }
  let text = '';
  let finish = null;
  for (const chunk of chunks) {
    assert.equal(chunk.object, 'chat.completion.chunk');
    assert.equal(chunk.model, 'gemini-2.5-pro');
    for (const choice of chunk.choices) {
      text += choice.delta.content ?? '';
      finish = choice.finish_reason ?? finish;
    }
  }
  assert.equal(text, 'AI works by learning patterns from examples.');
  assert.equal(finish, 'stop');
  const last = chunks.at(-1);
  assert.deepEqual(last.choices, [], 'the usage chunk comes last, with no choices');
  assert.equal(last.usage.prompt_tokens, 8);
  assert.equal(last.usage.completion_tokens, 9);
  assert.equal(last.usage.total_tokens, 17);
  // 8 × $1.25/M + 9 × $10/M.
  assert.ok(Math.abs(last.usage.cost - 0.0001) < 1e-12, `usage.cost ${last.usage.cost}`);
  assert.equal(chunks.filter((c) => c.usage).length, 1, 'one usage chunk');

  assert.deepEqual(JSON.parse((await onlyVendorRequest()).body), { ...explain('gemini-2.5-pro'), stream: true });
});

test('stream gives gemini 3 thoughts as reasoning deltas even when the tag is split', async () => {
  await vendorRepliesStream('thoughts-stream.sse');

  const stream = await client.chat.completions.create({
    model: 'gemini-3-pro',
    messages: [{ role: 'user', content: 'Why?' }],
    stream: true,
  });

  let reasoning = '';
  let text = '';
  for await (const chunk of stream) {
    for (const choice of chunk.choices) {
      reasoning += choice.delta.reasoning_content ?? '';
      text += choice.delta.content ?? '';
    }
  }
  assert.equal(reasoning, 'Weighing the question.');
  assert.equal(text, 'AI learns patterns.');
});

test('a stream refused before it begins is a RateLimitError', async () => {
  await vendorReplies({
    status: 429,
    headers: { 'Content-Type': 'application/json', 'Retry-After': '11' },
    body: googleError(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'),
  });

  await assert.rejects(client.chat.completions.create({ ...explain('gemini-2.5-pro'), stream: true }), (err) => {
    assert.ok(err instanceof OpenAI.RateLimitError, `${err?.constructor?.name}: ${err?.message}`);
    assert.equal(err.status, 429);
    assert.equal(err.headers.get('retry-after'), '11');
    return true;
  });
  assert.equal((await vendorRequests()).length, 1);
});

// ------------------------------------------------------------------ tools

test('tool calls carry thought signatures that round-trip byte for byte', async () => {
  const documented = JSON.parse(fixture('signed-tool-calls-reply.json')).choices[0].message.tool_calls;
  const signatures = documented.map((call) => call.extra_content.google.thought_signature);
  await vendorRepliesJson('signed-tool-calls-reply.json');
  const turn1 = { model: 'gemini-2.5-pro', messages: [{ role: 'user', content: WEATHER_QUESTION }], tools: [WEATHER_TOOL] };

  const completion = await client.chat.completions.create(turn1);

  const choice = completion.choices[0];
  assert.equal(choice.finish_reason, 'tool_calls');
  const calls = choice.message.tool_calls;
  assert.deepEqual(calls.map((c) => [c.type, c.id, c.function.name, c.function.arguments]), [
    ['function', 'function-call-11871290843946216394', 'get_weather', '{"location":"东京"}'],
    ['function', 'function-call-11871290843946216395', 'get_weather', '{"location":"大阪"}'],
  ]);
  assert.deepEqual(calls.map((c) => c.extra_content.google.thought_signature), signatures);
  assert.deepEqual(calls.map((c) => c.extra_content.junction.provider), ['google', 'google']);
  assert.deepEqual(JSON.parse((await onlyVendorRequest()).body), {
    model: 'gemini-2.5-pro',
    messages: [{ role: 'user', content: WEATHER_QUESTION }],
    tools: [WEATHER_TOOL],
  });

  // Turn 2: the assistant message exactly as the SDK returned it, then the tool results.
  await admin('/reset');
  await vendorRepliesJson('chat-reply.json');
  const turn2 = {
    ...turn1,
    messages: [
      ...turn1.messages,
      choice.message,
      { role: 'tool', tool_call_id: calls[0].id, content: '{"temp_c":22}' },
      { role: 'tool', tool_call_id: calls[1].id, content: '{"temp_c":24}' },
    ],
  };

  const answer = await client.chat.completions.create(turn2);

  assert.equal(answer.choices[0].message.content, 'AI works by learning patterns from examples and using them to make predictions.');
  const sent = await onlyVendorRequest();
  assert.deepEqual(JSON.parse(sent.body), {
    model: 'gemini-2.5-pro',
    messages: [
      { role: 'user', content: WEATHER_QUESTION },
      {
        role: 'assistant',
        content: null,
        tool_calls: documented.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.function.name, arguments: c.function.arguments },
          extra_content: { google: { thought_signature: c.extra_content.google.thought_signature } },
        })),
      },
      { role: 'tool', content: '{"temp_c":22}', tool_call_id: 'function-call-11871290843946216394' },
      { role: 'tool', content: '{"temp_c":24}', tool_call_id: 'function-call-11871290843946216395' },
    ],
    tools: [WEATHER_TOOL],
  });
  // Byte for byte: the signature text as Google issued it, with no re-escaping of '/' or '+'.
  for (const signature of signatures) {
    assert.ok(sent.body.includes(`"thought_signature":"${signature}"`), sent.body);
  }
});

test('streamed tool calls carry their thought signatures', async () => {
  const documented = JSON.parse(fixture('signed-tool-calls-reply.json')).choices[0].message.tool_calls;
  await vendorRepliesStream('signed-tool-calls-stream.sse');

  const stream = await client.chat.completions.create({
    model: 'gemini-2.5-pro',
    messages: [{ role: 'user', content: WEATHER_QUESTION }],
    tools: [WEATHER_TOOL],
    stream: true,
  });

  // As a client reads streamed calls: fragments merged by index (id, name, arguments, then extra_content).
  const calls = [];
  let finish = null;
  for await (const chunk of stream) {
    for (const choice of chunk.choices) {
      for (const delta of choice.delta.tool_calls ?? []) {
        const call = (calls[delta.index] ??= { arguments: '' });
        if (delta.id) call.id = delta.id;
        if (delta.function?.name) call.name = delta.function.name;
        call.arguments += delta.function?.arguments ?? '';
        if (delta.extra_content) call.extra_content = delta.extra_content;
      }
      finish = choice.finish_reason ?? finish;
    }
  }
  assert.deepEqual(calls.map((c) => [c.id, c.name, c.arguments]),
    documented.map((c) => [c.id, c.function.name, c.function.arguments]));
  assert.deepEqual(calls.map((c) => c.extra_content.google.thought_signature),
    documented.map((c) => c.extra_content.google.thought_signature));
  assert.deepEqual(calls.map((c) => c.extra_content.junction.provider), ['google', 'google']);
  assert.equal(finish, 'tool_calls');
});

// ------------------------------------------------------------------ errors

/** Asserts the request fails with the SDK's error class, status, and the envelope's type and code. */
function failsWith(promise, errorClass, status, { type, code, param } = {}) {
  return assert.rejects(promise, (err) => {
    assert.ok(err instanceof errorClass, `expected ${errorClass.name}, got ${err?.constructor?.name}: ${err?.message}`);
    assert.equal(err.status, status, err.message);
    if (type !== undefined) assert.equal(err.type, type, err.message);
    if (code !== undefined) assert.equal(err.code, code, err.message);
    if (param !== undefined) assert.equal(err.param, param, err.message);
    return true;
  });
}

test('an invalid request is a BadRequestError and reaches no vendor', async () => {
  await failsWith(client.chat.completions.create({ model: 'gemini-2.5-pro', messages: [] }),
    OpenAI.BadRequestError, 400, { type: 'invalid_request' });
  assert.deepEqual(await vendorRequests(), []);
});

test('a request Google refuses is a BadRequestError', async () => {
  await vendorReplies({ status: 400, headers: { 'Content-Type': 'application/json' }, body: fixture('error-invalid-argument.json') });

  await assert.rejects(client.chat.completions.create(explain('gemini-2.5-pro')), (err) => {
    assert.ok(err instanceof OpenAI.BadRequestError, `${err?.constructor?.name}: ${err?.message}`);
    assert.equal(err.status, 400);
    assert.equal(err.type, 'invalid_request');
    assert.ok(err.message.includes('Unknown name "foo"'), err.message);
    return true;
  });
  assert.equal((await vendorRequests()).length, 1);
});

test('an unknown gateway key is an AuthenticationError', async () => {
  await assert.rejects(clientWith('jk-not-a-key-of-this-gateway').chat.completions.create(explain('gemini-2.5-pro')), (err) => {
    assert.ok(err instanceof OpenAI.AuthenticationError, `${err?.constructor?.name}: ${err?.message}`);
    assert.equal(err.status, 401);
    assert.equal(err.type, 'authentication');
    assert.equal(err.code, 'invalid_api_key');
    assert.ok(!err.message.includes('jk-not-a-key-of-this-gateway'), 'the key is never echoed');
    return true;
  });
  assert.deepEqual(await vendorRequests(), []);
});

test('a model the key may not use is a PermissionDeniedError', async () => {
  await failsWith(clientWith(KEY_GEMINI_3).chat.completions.create(explain('gemini-2.5-pro')),
    OpenAI.PermissionDeniedError, 403, { type: 'permission_denied', param: 'model' });
  assert.deepEqual(await vendorRequests(), []);
});

test('an unknown model is a NotFoundError', async () => {
  await failsWith(client.chat.completions.create(explain('gemini-9-ultra')),
    OpenAI.NotFoundError, 404, { type: 'model_not_found', code: 'model_not_found' });
  assert.deepEqual(await vendorRequests(), []);
});

test("Google's rate limit is a RateLimitError with Retry-After passed on", async () => {
  await vendorReplies({
    status: 429,
    headers: { 'Content-Type': 'application/json', 'Retry-After': '17' },
    body: googleError(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'),
  });

  await assert.rejects(client.chat.completions.create(explain('gemini-2.5-pro')), (err) => {
    assert.ok(err instanceof OpenAI.RateLimitError, `${err?.constructor?.name}: ${err?.message}`);
    assert.equal(err.status, 429);
    assert.equal(err.type, 'rate_limited');
    assert.equal(err.headers.get('retry-after'), '17');
    assert.equal(err.headers.get('x-junction-provider'), 'google');
    return true;
  });
  assert.equal((await vendorRequests()).length, 1);
});

test('a budget refusal is a RateLimitError that says not to retry', async () => {
  await assert.rejects(clientWith(KEY_BROKE).chat.completions.create(explain('gemini-2.5-pro')), (err) => {
    assert.ok(err instanceof OpenAI.RateLimitError, `${err?.constructor?.name}: ${err?.message}`);
    assert.equal(err.status, 429);
    assert.equal(err.code, 'budget_exceeded');
    assert.equal(err.headers.get('x-should-retry'), 'false');
    return true;
  });
  assert.deepEqual(await vendorRequests(), []);
});

test("Google's server error is an InternalServerError with status 502", async () => {
  await vendorReplies({
    status: 500,
    headers: { 'Content-Type': 'application/json' },
    body: googleError(500, 'INTERNAL', 'An internal error has occurred.'),
  });

  await failsWith(client.chat.completions.create(explain('gemini-2.5-pro')), OpenAI.InternalServerError, 502);
  assert.equal((await vendorRequests()).length, 1);
});

test("Google refusing the gateway's vendor key is a 502, not the caller's AuthenticationError", async () => {
  await vendorReplies({
    status: 401,
    headers: { 'Content-Type': 'application/json' },
    body: googleError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'),
  });

  await assert.rejects(client.chat.completions.create(explain('gemini-2.5-pro')), (err) => {
    assert.ok(err instanceof OpenAI.InternalServerError, `${err?.constructor?.name}: ${err?.message}`);
    assert.ok(err instanceof OpenAI.APIError);
    assert.equal(err.status, 502);
    assert.ok(!err.message.includes(VENDOR_KEY), 'the vendor key is never echoed');
    return true;
  });
  assert.equal((await vendorRequests()).length, 1);
});

test('a vendor slower than the upstream timeout is an InternalServerError with status 504', async () => {
  await vendorReplies({
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: fixture('chat-reply.json'),
    fixedDelayMilliseconds: (VENDOR_TIMEOUT_SECONDS + 3) * 1000,
  });

  await failsWith(client.chat.completions.create(explain('gemini-2.5-pro')), OpenAI.InternalServerError, 504);
  assert.equal((await vendorRequests()).length, 1);
});
