// TEST DOUBLE: a scripted MCP server on stdio, standing in for servers that misbehave in ways no real
// server does on demand (an unknown protocol version, endless cursors, malformed results, exiting
// mid-call). Real servers (server-everything, dbhub, our lakehouse) are tested separately.
// Usage: node scripted-mcp-server.js <mode>
//   ok              answers initialize with the requested version; two pages of tools
//   old-version     answers initialize with 2024-11-05 whatever was asked
//   unknown-version answers initialize with 1999-01-01
//   refuse-version  refuses anything but 2025-06-18 with -32602 and data.supported
//   init-error      answers initialize with -32603
//   no-tools        capabilities without tools
//   loop-cursor     tools/list always answers nextCursor "again"
// Tools: echo{text}, fail (isError), never (no answer), exit (dies mid-call), garbage (a non-JSON line),
// huge{mb} (a text block of that many MB), progress{steps}, malformed (content is a string),
// structured (structuredContent + text), meta (echoes params._meta), table (120,000 rows of
// account_number, account_name, gross_margin in the lakehouse server's shape: a reply of about 15 MB),
// late_column (120,000 row objects as a text block, a "region" key only from row 1,000 on).
'use strict';
const readline = require('readline');
const mode = process.argv[2] || 'ok';
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
const text = (t) => ({ content: [{ type: 'text', text: t }] });
const tools = ['echo', 'fail', 'never', 'exit', 'garbage', 'huge', 'progress', 'malformed', 'structured', 'meta', 'table', 'late_column']
  .map((name) => ({ name, description: 'scripted ' + name, inputSchema: { type: 'object' } }));

function initialize(id, params) {
  const asked = params.protocolVersion;
  if (mode === 'init-error') return send({ id, error: { code: -32603, message: 'database unavailable' } });
  if (mode === 'refuse-version' && asked !== '2025-06-18')
    return send({ id, error: { code: -32602, message: 'Unsupported protocol version', data: { supported: ['2025-06-18'], requested: asked } } });
  const version = mode === 'old-version' ? '2024-11-05' : mode === 'unknown-version' ? '1999-01-01' : asked;
  const capabilities = mode === 'no-tools' ? { prompts: {} } : { tools: {} };
  send({ id, result: { protocolVersion: version, capabilities, serverInfo: { name: 'scripted', version: '1.0.0' } } });
}

function listTools(id, params) {
  if (mode === 'loop-cursor') return send({ id, result: { tools: tools.slice(0, 1), nextCursor: 'again' } });
  if (!params.cursor) return send({ id, result: { tools: tools.slice(0, 5), nextCursor: 'page-2' } });
  if (params.cursor === 'page-2') return send({ id, result: { tools: tools.slice(5) } });
  send({ id, error: { code: -32602, message: 'Invalid cursor' } });
}

function callTool(id, params) {
  const args = params.arguments || {};
  switch (params.name) {
  case 'echo': return send({ id, result: text(String(args.text)) });
  case 'fail': return send({ id, result: { ...text('relation "fact_sales" does not exist'), isError: true } });
  case 'never': return;
  case 'exit': process.stderr.write('fatal: out of memory\n'); return process.exit(3);
  case 'garbage': return process.stdout.write('Connected to warehouse (this is not JSON)\n');
  case 'huge': return send({ id, result: text('x'.repeat((args.mb || 1) * 1024 * 1024)) });
  case 'malformed': return send({ id, result: { content: 'rows: 3' } });
  case 'structured': return send({ id, result: { ...text('{"rows":[[1]]}'), structuredContent: { rows: [[1]] } } });
  case 'meta': return send({ id, result: text(JSON.stringify((params._meta) || {})) });
  case 'table': {
    const rows = [];
    for (let i = 0; i < 120000; i += 1) rows.push([`C${10000 + (i % 5000)}`, `Account ${i}`, (i * 7.25) % 100000]);
    const table = { columns: [{ name: 'account_number', type: 'text' }, { name: 'account_name', type: 'text' },
      { name: 'gross_margin', type: 'real' }], rowCount: rows.length, rows, truncated: false };
    return send({ id, result: { ...text(JSON.stringify(table)), structuredContent: table } });
  }
  case 'late_column': {
    const rows = [];
    for (let i = 0; i < 120000; i += 1) {
      const row = { account_number: `C${10000 + (i % 5000)}`, account_name: `Account ${i}`, gross_margin: i * 0.5 };
      if (i >= 1000) row.region = i % 2 ? 'North' : 'South';
      rows.push(row);
    }
    return send({ id, result: text(JSON.stringify(rows)) });
  }
  case 'progress': {
    const token = params._meta && params._meta.progressToken;
    let step = 0;
    const tick = setInterval(() => {
      step += 1;
      if (token !== undefined) send({ method: 'notifications/progress', params: { progressToken: token, progress: step, total: args.steps } });
      if (step === args.steps) { clearInterval(tick); send({ id, result: text('done') }); }
    }, 50);
    return;
  }
  default: return send({ id, error: { code: -32602, message: 'Unknown tool: ' + params.name } });
  }
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let message;
  try { message = JSON.parse(line); } catch { return; }
  if (message.id === undefined || message.method === undefined) return;
  const params = message.params || {};
  if (message.method === 'initialize') return initialize(message.id, params);
  if (message.method === 'tools/list') return listTools(message.id, params);
  if (message.method === 'tools/call') return callTool(message.id, params);
  if (message.method === 'ping') return send({ id: message.id, result: {} });
  send({ id: message.id, error: { code: -32601, message: 'Method not found' } });
});
