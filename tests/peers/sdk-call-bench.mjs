// The official TypeScript SDK client as the reference for bench_mcpcall: connects to an MCP server over
// stdio, warms up, then times N sequential tools/call requests and prints one JSON line with the figures
// (wall time per call, and the CPU time this client process spent on them).
// Usage: node sdk-call-bench.mjs <calls> <tool> <argumentsJson> <command> [args...]
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [calls, tool, argumentsJson, command, ...args] = process.argv.slice(2);
const client = new Client({ name: 'sdk-call-bench', version: '0.0.0' });
await client.connect(new StdioClientTransport({ command, args, stderr: 'ignore' }));
const parameters = { name: tool, arguments: JSON.parse(argumentsJson) };
for (let i = 0; i < 50; i += 1) await client.callTool(parameters);
const times = [];
const cpuBefore = process.cpuUsage();
const started = process.hrtime.bigint();
for (let i = 0; i < Number(calls); i += 1) {
  const t0 = process.hrtime.bigint();
  await client.callTool(parameters);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuBefore); // this client process only, not the server it started
const cpuMs = (cpu.user + cpu.system) / 1e3;
times.sort((a, b) => a - b);
console.log(JSON.stringify({ calls: Number(calls), totalMs, cpuMs, medianMs: times[Math.floor(times.length / 2)], p90Ms: times[Math.floor(times.length * 0.9)] }));
await client.close();
