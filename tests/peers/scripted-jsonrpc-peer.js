// TEST DOUBLE: a scripted JSON-RPC peer on stdio, standing in for a misbehaving MCP server, because no
// real server fails on demand (exits mid-call, never answers, prints garbage). Real MCP servers are
// tested separately. Methods: echo, slow {ms}, progress {steps}, never, fail, exit {code}, garbage,
// pingback (asks the client for a ping first). notifications/cancelled is logged to stderr.
'use strict';
const readline = require('readline');
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
const waiting = new Map();
let nextId = 1000;

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let message;
  try { message = JSON.parse(line); } catch { process.stderr.write('unparsable: ' + line + '\n'); return; }
  if (message.method === undefined) { // a response to our own request
    const resume = waiting.get(message.id);
    if (resume) { waiting.delete(message.id); resume(message); }
    return;
  }
  if (message.id === undefined) {
    if (message.method === 'notifications/cancelled')
      process.stderr.write('cancelled ' + message.params.requestId + ' ' + (message.params.reason || '') + '\n');
    return;
  }
  const { id, method, params = {} } = message;
  switch (method) {
  case 'echo': send({ id, result: { echo: params } }); break;
  case 'slow': setTimeout(() => send({ id, result: { waited: params.ms } }), params.ms); break;
  case 'progress': {
    const token = params._meta && params._meta.progressToken;
    let step = 0;
    const tick = setInterval(() => {
      step += 1;
      if (token !== undefined)
        send({ method: 'notifications/progress', params: { progressToken: token, progress: step, total: params.steps, message: 'step ' + step } });
      if (step === params.steps) { clearInterval(tick); send({ id, result: { steps: step } }); }
    }, params.intervalMs || 100);
    break;
  }
  case 'never': break;
  case 'fail': send({ id, error: { code: -32602, message: 'Unknown tool: nope', data: { tool: 'nope' } } }); break;
  case 'exit': process.stderr.write('fatal: giving up\n'); process.exit(params.code || 1); break;
  case 'garbage': process.stdout.write('Server listening on stdio (not JSON)\n'); break;
  case 'pingback': {
    const pingId = nextId++;
    waiting.set(pingId, (reply) => send({ id, result: { pingReply: reply.result !== undefined ? 'result' : 'error' } }));
    send({ id: pingId, method: 'ping' });
    break;
  }
  default: send({ id, error: { code: -32601, message: 'Method not found: ' + method } });
  }
});
