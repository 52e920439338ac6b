// An independent Delta Sharing client for the tests, written from the protocol's client behaviours
// (../shared/reference/delta-sharing.md §13), not from our server: it reads a config.share profile,
// pages through every list with a small maxResults, asks each table's version and metadata, queries it,
// and downloads every file through its pre-signed URL the way readers do (HEAD for the size, a ranged
// GET of the footer, then the whole file), checking each file with two Parquet readers: hyparquet and
// DuckDB. Prints one JSON line: {"shares":[...], "tables":[...], "problems":[...]}.
// Usage: node sharing-client.mjs PROFILE [MAX_RESULTS]
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const maxResults = Number(process.argv[3] || 2);
const endpoint = profile.endpoint.replace(/\/+$/, '');
const auth = { Authorization: `Bearer ${profile.bearerToken}` };
const problems = [];
const problem = (text) => problems.push(text);

async function getJson(path) {
  const response = await fetch(endpoint + path, { headers: auth });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${text}`);
  if (text.includes('\n')) problem(`GET ${path}: list/get answers must be one line`);
  return JSON.parse(text.split('\n')[0]);
}

async function listAll(path) {
  const items = [];
  let token = '';
  for (let pages = 0; pages < 1000; ++pages) {
    const query = `?maxResults=${maxResults}` + (token ? `&pageToken=${encodeURIComponent(token)}` : '');
    const page = await getJson(path + query);
    items.push(...(page.items || []));
    token = page.nextPageToken || '';
    if (!token) return items;
  }
  throw new Error(`${path}: paging does not end`);
}

function ndjson(text, what) {
  if (text.endsWith('\n')) text = text.slice(0, -1);
  const lines = text.split('\n');
  if (lines.some((line) => line.trim() === '')) problem(`${what}: blank line in NDJSON`);
  return lines.map((line) => JSON.parse(line));
}

async function readFile(url, size, dir, index, duck) {
  const head = await fetch(url, { method: 'HEAD' });
  if (head.status !== 200) throw new Error(`HEAD file: ${head.status}`);
  if (Number(head.headers.get('content-length')) !== size) problem(`HEAD size ${head.headers.get('content-length')} != ${size}`);
  const tail = await fetch(url, { headers: { Range: `bytes=-8` } });
  const tailBytes = new Uint8Array(await tail.arrayBuffer());
  if (tail.status !== 206 || tailBytes.length !== 8 || new TextDecoder().decode(tailBytes.slice(4)) !== 'PAR1')
    problem(`ranged footer read: status ${tail.status}, ${tailBytes.length} bytes`);
  const whole = await fetch(url);
  const bytes = new Uint8Array(await whole.arrayBuffer());
  if (whole.status !== 200 || bytes.length !== size) throw new Error(`GET file: ${whole.status}, ${bytes.length} of ${size} bytes`);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const metadata = parquetMetadata(buffer);
  const rows = await parquetReadObjects({ file: buffer, compressors });
  const path = join(dir, `f${index}.parquet`);
  writeFileSync(path, bytes);
  const counted = await duck.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${path}')`);
  return {
    hyparquetRows: rows.length,
    duckdbRows: counted.getRowObjectsJson()[0].n,
    columns: metadata.schema.slice(1).map((c) => c.name),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'sharing-client-'));
const duck = await (await DuckDBInstance.create(':memory:')).connect();
const out = { shares: [], tables: [], problems };
try {
  const shares = await listAll('/shares');
  for (const share of shares) {
    out.shares.push(share.name);
    const got = await getJson(`/shares/${share.name}`);
    if (got.share?.name !== share.name) problem(`get share ${share.name}: ${JSON.stringify(got)}`);
    const schemas = await listAll(`/shares/${share.name}/schemas`);
    const viaSchemas = [];
    for (const schema of schemas)
      viaSchemas.push(...(await listAll(`/shares/${share.name}/schemas/${schema.name}/tables`)));
    const tables = await listAll(`/shares/${share.name}/all-tables`);
    if (viaSchemas.length !== tables.length) problem(`${share.name}: all-tables and per-schema lists differ`);
    for (const table of tables) {
      const base = `/shares/${share.name}/schemas/${table.schema}/tables/${table.name}`;
      const version = await fetch(endpoint + base + '/version', { headers: auth });
      const versionHeader = version.headers.get('delta-table-version');
      if (version.status !== 200 || versionHeader === null) throw new Error(`${base}/version: ${version.status}`);
      const meta = await fetch(endpoint + base + '/metadata', { headers: auth });
      const metaLines = ndjson(await meta.text(), `${base}/metadata`);
      if (meta.status !== 200 || metaLines.length !== 2 || !metaLines[0].protocol || !metaLines[1].metaData)
        throw new Error(`${base}/metadata: ${meta.status} ${JSON.stringify(metaLines)}`);
      if (metaLines[0].protocol.minReaderVersion > 3) problem(`${base}: minReaderVersion too high`);
      const fields = JSON.parse(metaLines[1].metaData.schemaString).fields.map((f) => f.name);
      const query = await fetch(endpoint + base + '/query', {
        method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' });
      const lines = ndjson(await query.text(), `${base}/query`);
      if (query.status !== 200) throw new Error(`${base}/query: ${query.status}`);
      if (query.headers.get('delta-table-version') !== versionHeader) problem(`${base}: query version differs`);
      if (JSON.stringify(lines[1]) !== JSON.stringify(metaLines[1])) problem(`${base}: query metaData differs`);
      const files = lines.slice(2);
      if (files.some((line) => !line.file)) problem(`${base}: a line after metaData is not a file`);
      const result = { share: share.name, schema: table.schema, name: table.name, version: Number(versionHeader),
        files: files.length, statsRows: 0, hyparquetRows: 0, duckdbRows: 0, columnsMatch: true };
      for (const [index, { file }] of files.entries()) {
        result.statsRows += JSON.parse(file.stats).numRecords;
        const read = await readFile(file.url, file.size, dir, `${out.tables.length}-${index}`, duck);
        result.hyparquetRows += read.hyparquetRows;
        result.duckdbRows += read.duckdbRows;
        if (JSON.stringify(read.columns) !== JSON.stringify(fields)) result.columnsMatch = false;
      }
      out.tables.push(result);
    }
  }
} catch (error) {
  problem(String(error.message || error));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(out));
