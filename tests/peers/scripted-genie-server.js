// TEST DOUBLE: a stand-in for Databricks Genie's and Snowflake Cortex Analyst's MCP tools, which cannot
// run here. It speaks MCP on stdio, and "understands" a question only as far as a test needs: it takes the
// account numbers the CRM context lists (C12345), writes one gross-margin SELECT over them, and runs it on
// the demo mart with node:sqlite (Node 22). Run: node22 scripted-genie-server.js <mode> <mart.sqlite>
//   genie          genie_ask → genie_poll_response (FETCHING_METADATA, ASKING_AI, EXECUTING_QUERY, COMPLETED)
//                  → genie_get_query_result (statement_response: manifest + data_array of strings)
//   genie-failed   the poll ends FAILED with an error
//   genie-stuck    the poll never leaves EXECUTING_QUERY; genie_cancel_response is logged to stderr
//   genie-expired  the poll ends QUERY_RESULT_EXPIRED
//   analyst        cortex_analyst_message returns text + SQL; execute_sql runs it
//   analyst-drop   cortex_analyst_message proposes a DROP TABLE
'use strict';
const readline = require('readline');
const [mode = 'genie', martPath] = process.argv.slice(2);
const send = (message) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
const asText = (value) => ({ content: [{ type: 'text', text: JSON.stringify(value) }] });
const object = (properties, required) => ({ type: 'object', properties, required, additionalProperties: false });
const str = { type: 'string' };

const genieTools = [
  { name: 'genie_ask', description: 'Ask Genie a question', inputSchema: object({ question: str, conversation_id: str }, ['question']) },
  { name: 'genie_poll_response', description: 'Poll a Genie response', inputSchema: object({ conversation_id: str, message_id: str }, ['conversation_id', 'message_id']) },
  { name: 'genie_get_query_result', description: 'Rows of a Genie query', inputSchema: object({ conversation_id: str, message_id: str, attachment_id: str }, ['conversation_id', 'message_id', 'attachment_id']) },
  { name: 'genie_cancel_response', description: 'Cancel a Genie response', inputSchema: object({ conversation_id: str, message_id: str }, ['conversation_id', 'message_id']) },
];
const analystTools = [
  { name: 'cortex_analyst_message', description: 'Cortex Analyst: question to SQL', inputSchema: object({ message: str }, ['message']) },
  { name: 'execute_sql', description: 'Run SQL', inputSchema: object({ sql: str }, ['sql']) },
];

let database;
function run(sql) {
  if (!database) {
    const { DatabaseSync } = require('node:sqlite');
    database = new DatabaseSync(martPath, { readOnly: true });
  }
  return database.prepare(sql).all();
}

function sqlFor(question) {
  const accounts = [...new Set(question.match(/\bC\d{4,}\b/g) || [])];
  if (accounts.length === 0) return null;
  return 'SELECT account_number, ROUND(SUM(gross_margin), 2) AS gross_margin FROM fact_invoice_line WHERE account_number IN (' +
    accounts.map((a) => "'" + a + "'").join(', ') + ') GROUP BY account_number ORDER BY gross_margin DESC';
}

const conversations = new Map();
const steps = ['FETCHING_METADATA', 'ASKING_AI', 'EXECUTING_QUERY', 'COMPLETED'];

function call(name, args) {
  if (name === 'genie_ask') {
    const id = 'm' + (conversations.size + 1);
    conversations.set(id, { question: args.question, polls: 0 });
    return asText({ conversation_id: 'c1', message_id: id, status: 'SUBMITTED' });
  }
  if (name === 'genie_poll_response') {
    const state = conversations.get(args.message_id);
    if (!state) return { ...asText({ error: 'unknown message ' + args.message_id }), isError: true };
    state.polls += 1;
    if (mode === 'genie-stuck') return asText({ status: 'EXECUTING_QUERY' });
    let status = steps[Math.min(state.polls, steps.length - 1)];
    if (status === 'COMPLETED' && mode === 'genie-failed') return asText({ status: 'FAILED', error: 'warehouse is stopped' });
    if (status === 'COMPLETED' && mode === 'genie-expired') return asText({ status: 'QUERY_RESULT_EXPIRED' });
    if (status !== 'COMPLETED') return asText({ status });
    const sql = sqlFor(state.question);
    if (!sql) return asText({ status, attachments: [{ attachment_id: 'a0', text: { content: 'I need account numbers to answer.' } }] });
    return asText({ status, attachments: [
      { attachment_id: 'a0', text: { content: 'Gross margin per account, highest first.' } },
      { attachment_id: 'a1', query: { query: sql, title: 'Gross margin by account' } }] });
  }
  if (name === 'genie_get_query_result') {
    const state = conversations.get(args.message_id);
    const rows = run(sqlFor(state.question));
    return asText({ statement_response: { statement_id: 's1', status: { state: 'SUCCEEDED' },
      manifest: { schema: { columns: [{ name: 'account_number', type_name: 'STRING' }, { name: 'gross_margin', type_name: 'DOUBLE' }] } },
      result: { data_array: rows.map((r) => [r.account_number, String(r.gross_margin)]) } } });
  }
  if (name === 'genie_cancel_response') { process.stderr.write('cancel ' + args.message_id + '\n'); return asText({ status: 'CANCELLED' }); }
  if (name === 'cortex_analyst_message') {
    const sql = mode === 'analyst-drop' ? 'DROP TABLE fact_invoice_line' : sqlFor(args.message);
    return asText({ text: 'Gross margin per account.', sql });
  }
  if (name === 'execute_sql') return asText({ rows: run(args.sql) });
  return null;
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let message;
  try { message = JSON.parse(line); } catch { return; }
  if (message.id === undefined || message.method === undefined) return;
  const { id, method, params = {} } = message;
  if (method === 'initialize')
    return send({ id, result: { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'genie-stand-in', version: '0' } } });
  if (method === 'tools/list') return send({ id, result: { tools: mode.startsWith('analyst') ? analystTools : genieTools } });
  if (method === 'tools/call') {
    try {
      const result = call(params.name, params.arguments || {});
      if (!result) return send({ id, error: { code: -32602, message: 'Unknown tool: ' + params.name } });
      return send({ id, result });
    } catch (error) { return send({ id, result: { ...asText({ error: String(error.message) }), isError: true } }); }
  }
  send({ id, error: { code: -32601, message: 'Method not found' } });
});
