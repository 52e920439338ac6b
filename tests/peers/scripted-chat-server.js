// TEST DOUBLE: a scripted stand-in for an OpenAI-compatible chat-completions server (OpenAI, Databricks
// model serving, Ollama, llama.cpp). No language model can run on the test machines, so this one plays
// scenarios instead, chosen by the model name (the part before any '@', so tests can tell their requests
// apart) or an X-Scenario header. Scenarios that drive the tool-use loop read the conversation they get:
// the tools offered, the system prompt's row cap, the CRM tool's account numbers, the query guard's
// refusals and the SQL results, and build their next step from them.
// Usage: node scripted-chat-server.js   → prints "listening http://127.0.0.1:<port>/v1" and serves
//   POST /v1/chat/completions   the scenarios below
//   GET  /v1/_requests?model=M  what was received for model M: [{authorization, body}]
// It exits when stdin closes.
// Scenarios:
//   territory-margin  crm_territory_accounts (+ a schema tool when offered) → margin SQL over the account
//                     numbers the CRM returned → an answer quoting the top row of the result
//   owner-margin      the same through crm_owner_accounts ("... owned by <name>?")
//   current-margin    current_account → that account's margin → an answer quoting it
//   bad-arguments     first calls crm_territory_accounts with arguments that are not JSON, then as above
//   guard-retry       DELETE, then two statements, then ATTACH; after each refusal the next; then a
//                     COUNT(*) query, then an answer quoting the count
//   guard-stubborn    DROP TABLE twice, then gives up in words
//   unknown-tool      calls write_query and no_such_tool, then as count-accounts
//   count-accounts    SELECT COUNT(*) FROM dim_account, then an answer quoting the count
//   slow-query        a query that counts to a billion (for killing the MCP server under it)
//   many-calls        twenty current_account calls in one reply, then as count-accounts
//   no-sql            answers at once without any tool
//   loop              calls current_account forever
//   echo              answers "ok"; tool-shapes: three tool calls in the shapes servers differ in
//   content-parts     content as a list of text parts
//   auth              401 with the presented key echoed (as OpenAI does) unless it is "stand-in-good-key"
//   forbidden 403; missing* 404 model not found (OpenAI body); ollama-missing 404 (Ollama body);
//   status-<n> that status with an OpenAI error body (429: Retry-After 0); status-502-plain an HTML 502;
//   databricks-error 400 {"error_code","message"}; error-in-200; malformed (cut JSON); not-object;
//   no-choices; no-message; bad-tool-calls; huge (2 MB); hang (never answers)
'use strict';
const http = require('http');

const received = [];
const hanging = new Set();
let counter = 0;

const send = (res, status, body, headers = {}) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(text);
};
const openaiError = (message, type, code) => ({ error: { message, type, param: null, code } });
const completion = (model, message, finish) => ({
  id: 'chatcmpl-' + (++counter), object: 'chat.completion', created: Math.floor(Date.now() / 1000), model,
  choices: [{ index: 0, message: { role: 'assistant', content: null, ...message }, finish_reason: finish }],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
});
const call = (name, args) => ({
  id: 'call_' + (++counter), type: 'function',
  function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
});
const say = (text) => [{ content: text }, 'stop'];
const callTools = (calls, text) => [{ content: text || null, tool_calls: calls }, 'tool_calls'];

// --- reading the conversation -------------------------------------------------------------------------
const offered = (body) => (body.tools || []).map((t) => t.function);
const sqlTool = (body) => {
  for (const f of offered(body)) {
    const props = (f.parameters && f.parameters.properties) || {};
    for (const arg of ['sql', 'query']) if (props[arg]) return { name: f.name, arg };
  }
  return null;
};
const rowCap = (body) => {
  const system = (body.messages || []).find((m) => m.role === 'system');
  const match = system && /at most (\d+) rows/.exec(system.content || '');
  return match ? Number(match[1]) : 100;
};
const question = (body) => {
  const users = (body.messages || []).filter((m) => m.role === 'user');
  return users.length ? String(users[users.length - 1].content) : '';
};
// Tool answers in order, each with the name and arguments of the call it answers.
const toolAnswers = (body) => {
  const calls = {};
  for (const m of body.messages || [])
    for (const c of m.tool_calls || []) calls[c.id] = c.function;
  return (body.messages || []).filter((m) => m.role === 'tool').map((m) => ({
    name: calls[m.tool_call_id] ? calls[m.tool_call_id].name : undefined,
    args: calls[m.tool_call_id] ? calls[m.tool_call_id].arguments : undefined,
    content: String(m.content),
  }));
};
const lastAnswerOf = (body, name) => toolAnswers(body).filter((a) => a.name === name).pop();
const parse = (text) => { try { return JSON.parse(text); } catch { return undefined; } };
const refused = (answer) => answer && answer.content.startsWith("refused by Lakeshore's query guard");
// Rows of a SQL result as dbhub (data.statements[].rows, data.rows) or a plain list sends them.
const rowsOf = (text) => {
  const value = parse(text);
  if (Array.isArray(value)) return value;
  if (!value || typeof value !== 'object') return undefined;
  const data = value.data || value;
  if (Array.isArray(data.rows)) return data.rows;
  if (Array.isArray(data.statements) && data.statements[0]) return data.statements[0].rows;
  return undefined;
};

// --- scenarios -----------------------------------------------------------------------------------------
// Binds the accounts through a CRM tool, then sums their margin: by territory, or by owner.
const kTerritory = { tool: 'crm_territory_accounts', arg: 'territory', pattern: /in the (.+?) territory/i };
const kOwner = { tool: 'crm_owner_accounts', arg: 'owner', pattern: /owned by (.+?)[?.]*$/i };

function marginFlow(body, crmTool) {
  const sql = sqlTool(body);
  const sqlAnswer = sql && lastAnswerOf(body, sql.name);
  if (sqlAnswer && !refused(sqlAnswer)) {
    // Lakeshore may shorten what the model reads, leaving a note where rows were cut.
    const rows = (rowsOf(sqlAnswer.content) || []).filter((row) => row && typeof row === 'object');
    if (!rows.length) return say('The query returned no rows: ' + sqlAnswer.content.slice(0, 200));
    const top = rows[0];
    return say(`I was shown ${rows.length} rows; the largest lifetime gross margin is ` +
      `${top.account_name} (${top.account_number}) with ${top.gross_margin}.`);
  }
  const crm = lastAnswerOf(body, crmTool.tool);
  const listed = crm && parse(crm.content);
  if (crm && /^unknown /.test(crm.content)) return say('The CRM does not know that ' + crmTool.arg + '.');
  if (!listed || !Array.isArray(listed.accounts)) {
    const match = crmTool.pattern.exec(question(body));
    const calls = [call(crmTool.tool, { [crmTool.arg]: match ? match[1] : '' })];
    if (!crm && offered(body).some((f) => f.name === 'search_objects'))
      calls.unshift(call('search_objects', { object_type: 'table', detail_level: 'names' }));
    return callTools(calls, crm ? null : 'I will look up the ' + crmTool.arg + ' in the CRM first.');
  }
  if (!sql) return say('There is no SQL tool.');
  const numbers = listed.accounts.map((a) => `'${a.account_number}'`).join(', ');
  const text = 'SELECT a.account_number, a.account_name, ROUND(SUM(f.gross_margin), 2) AS gross_margin ' +
    'FROM fact_invoice_line f JOIN dim_account a ON a.account_number = f.account_number ' +
    `WHERE f.account_number IN (${numbers}) GROUP BY a.account_number, a.account_name ` +
    `ORDER BY gross_margin DESC LIMIT ${rowCap(body)}`;
  return callTools([call(sql.name, { [sql.arg]: text })]);
}
const territoryFlow = (body) => marginFlow(body, kTerritory);

// The open account's margin, through current_account.
function currentFlow(body) {
  const sql = sqlTool(body);
  const sqlAnswer = lastAnswerOf(body, sql.name);
  if (sqlAnswer && !refused(sqlAnswer)) {
    const rows = rowsOf(sqlAnswer.content);
    return say(rows && rows[0] ? `Its lifetime gross margin is ${rows[0].gross_margin}.` : 'No invoices.');
  }
  const current = lastAnswerOf(body, 'current_account');
  if (!current) return callTools([call('current_account', {})]);
  const account = parse(current.content);
  if (!account) return say('No account is open.');
  return callTools([call(sql.name, { [sql.arg]: 'SELECT account_number, ROUND(SUM(gross_margin), 2) AS gross_margin ' +
    `FROM fact_invoice_line WHERE account_number = '${account.account_number}' GROUP BY account_number` })]);
}

function countFlow(body) {
  const sql = sqlTool(body);
  if (!sql) return say('There is no SQL tool.');
  const answer = lastAnswerOf(body, sql.name);
  if (answer && !refused(answer)) {
    const rows = rowsOf(answer.content);
    return say(rows && rows[0] ? `There are ${rows[0].accounts} accounts.` : 'The count failed: ' + answer.content);
  }
  return callTools([call(sql.name, { [sql.arg]: 'SELECT COUNT(*) AS accounts FROM dim_account' })]);
}

const kHostile = ['DELETE FROM dim_account', 'SELECT 1; DELETE FROM dim_account',
  "ATTACH DATABASE '/tmp/lakeshore-stand-in.db' AS evil"];

function guardRetry(body) {
  const sql = sqlTool(body);
  if (!sql) return say('There is no SQL tool.');
  const answers = toolAnswers(body).filter((a) => a.name === sql.name);
  const refusals = answers.filter(refused).length;
  if (answers.length > refusals) return countFlow(body);
  if (answers.length && !refused(answers[answers.length - 1])) return say('The guard let it through.');
  if (refusals < kHostile.length) return callTools([call(sql.name, { [sql.arg]: kHostile[refusals] })]);
  return countFlow(body);
}

function guardStubborn(body) {
  const sql = sqlTool(body);
  if (toolAnswers(body).length >= 2) return say('I could not run the cleanup.');
  return callTools([call(sql.name, { [sql.arg]: 'DROP TABLE fact_invoice_line' })]);
}

function badArguments(body) {
  if (!toolAnswers(body).length) return callTools([call('crm_territory_accounts', '{"territory": "Cleveland"')]);
  return territoryFlow(body);
}

function unknownTool(body) {
  if (!toolAnswers(body).length)
    return callTools([call('write_query', { query: 'DELETE FROM dim_account' }), call('no_such_tool', {})]);
  return countFlow(body);
}

const flows = {
  'territory-margin': territoryFlow, 'owner-margin': (body) => marginFlow(body, kOwner),
  'current-margin': currentFlow, 'bad-arguments': badArguments, 'guard-retry': guardRetry,
  'guard-stubborn': guardStubborn, 'unknown-tool': unknownTool, 'count-accounts': countFlow,
  'slow-query': (body) => {
    const sql = sqlTool(body);
    if (toolAnswers(body).length) return say('Done counting.');
    return callTools([call(sql.name, { [sql.arg]: 'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c ' +
      'WHERE n < 1000000000) SELECT COUNT(*) AS n FROM c' })]);
  },
  'many-calls': (body) => (toolAnswers(body).length ? countFlow(body)
    : callTools(Array.from({ length: 20 }, () => call('current_account', {})))),
  'no-sql': () => say('I think it is about a million dollars.'),
  loop: () => callTools([call('current_account', {})]),
  echo: () => say('ok'),
  'content-parts': () => [{ content: [{ type: 'text', text: 'Hello, ' }, { type: 'text', text: 'rep.' }] }, 'stop'],
  'tool-shapes': () => [{
    content: 'Calling.',
    tool_calls: [
      call('alpha', { a: 1 }),
      { id: 'call_obj', type: 'function', function: { name: 'beta', arguments: { b: [1, 2] } } },
      { type: 'function', function: { name: 'gamma', arguments: '{"c": ' } },
    ],
  }, 'tool_calls'],
};

function answer(req, res, body) {
  const model = String(body.model || '');
  const scenario = req.headers['x-scenario'] || model.split('@')[0];
  const status = /^status-(\d+)$/.exec(scenario);
  if (status) {
    const code = Number(status[1]);
    return send(res, code, openaiError('stand-in status ' + code, 'server_error', null),
      code === 429 ? { 'Retry-After': '0' } : {});
  }
  if (scenario === 'auth') {
    const presented = String(req.headers.authorization || '').replace(/^Bearer /, '');
    if (presented !== 'stand-in-good-key')
      return send(res, 401, openaiError('Incorrect API key provided: ' + presented + '.', 'invalid_request_error',
        'invalid_api_key'));
    return send(res, 200, completion(model, { content: 'ok' }, 'stop'));
  }
  if (scenario.startsWith('missing'))
    return send(res, 404, openaiError(`The model \`${model}\` does not exist or you do not have access to it.`,
      'invalid_request_error', 'model_not_found'));
  switch (scenario) {
  case 'forbidden': return send(res, 403, openaiError('Project does not have access to model', 'invalid_request_error', 'model_not_allowed'));
  case 'ollama-missing': return send(res, 404, { error: `model "${model}" not found, try pulling it first` });
  case 'status-502-plain': return send(res, 502, '<html><body>Bad Gateway</body></html>', { 'Content-Type': 'text/html' });
  case 'databricks-error': return send(res, 400, { error_code: 'BAD_REQUEST', message: 'Input is too long for the requested model.' });
  case 'error-in-200': return send(res, 200, openaiError('upstream overloaded', 'server_error', 'overloaded'));
  case 'malformed': return send(res, 200, '{"id": "chatcmpl-1", "choices": [{"index": 0, "message": {"role": "assis');
  case 'not-object': return send(res, 200, '[1, 2, 3]');
  case 'no-choices': return send(res, 200, { id: 'chatcmpl-1', object: 'chat.completion', model, choices: [] });
  case 'no-message': return send(res, 200, { id: 'chatcmpl-1', model, choices: [{ index: 0, finish_reason: 'stop' }] });
  case 'bad-tool-calls': return send(res, 200, completion(model, { tool_calls: 'call everything' }, 'tool_calls'));
  case 'huge': return send(res, 200, completion(model, { content: 'x'.repeat(2 * 1024 * 1024) }, 'stop'));
  case 'hang': hanging.add(res); res.on('close', () => hanging.delete(res)); return undefined;
  default: break;
  }
  const flow = flows[scenario];
  if (!flow) return send(res, 400, openaiError('stand-in has no scenario "' + scenario + '"', 'invalid_request_error', null));
  const [message, finish] = flow(body);
  return send(res, 200, completion(model, message, finish));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://stand-in');
  if (req.method === 'GET' && url.pathname === '/v1/_requests') {
    const model = url.searchParams.get('model');
    return send(res, 200, received.filter((r) => r.body.model === model));
  }
  if (req.method !== 'POST' || url.pathname !== '/v1/chat/completions')
    return send(res, 404, openaiError('no route ' + req.method + ' ' + url.pathname, 'invalid_request_error', null));
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = parse(Buffer.concat(chunks).toString('utf8'));
    if (!body || typeof body !== 'object')
      return send(res, 400, openaiError('the request body is not JSON', 'invalid_request_error', null));
    received.push({ authorization: req.headers.authorization || null, body });
    return answer(req, res, body);
  });
  return undefined;
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${server.address().port}/v1\n`);
});
process.stdin.on('end', () => {
  for (const res of hanging) res.destroy();
  server.close();
  process.exit(0);
});
process.stdin.resume();
