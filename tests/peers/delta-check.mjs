// Checks a Delta table written by Lakeshore against the Delta protocol's rules, independently of the
// C++ reader: the log is replayed here in JavaScript and again in DuckDB SQL (the two must agree), and
// every live Parquet file is read by DuckDB. Prints one JSON line per table:
//   {"table", "ok", "problems":[...], "versions", "liveFiles":[...], "rows", "columns":[...]}
// Rules checked: versions 0..n contiguous with 20-digit names; one JSON object per line holding one
// action; version 0 has protocol and metaData; metaData has id, format.provider parquet, schemaString,
// partitionColumns; no path added or removed twice in one commit; paths relative and inside the table;
// add.size equals the file's size; stats is a JSON string whose numRecords equals the file's row count,
// whose nullCount is exact and whose minValues/maxValues bound every value; each Parquet column exists
// with the type schemaString declares, in order.
// Usage: node delta-check.mjs TABLE_DIR...
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run("SET TimeZone = 'UTC'");
const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const ident = (name) => `"${name.replaceAll('"', '""')}"`;
const rowsOf = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson();

// Spark type name -> what DuckDB's DESCRIBE shows for the Parquet column we wrote.
function duckdbType(sparkType) {
  const decimal = /^decimal\((\d+),(\d+)\)$/.exec(sparkType);
  if (decimal) return `DECIMAL(${decimal[1]},${decimal[2]})`;
  return { string: 'VARCHAR', long: 'BIGINT', integer: 'INTEGER', double: 'DOUBLE', boolean: 'BOOLEAN',
           date: 'DATE', timestamp: 'TIMESTAMP WITH TIME ZONE' }[sparkType] || `?${sparkType}`;
}

async function checkTable(table) {
  const problems = [];
  const logDir = path.join(table, '_delta_log');
  const names = readdirSync(logDir).filter((n) => /^\d{20}\.json$/.test(n)).sort();
  names.forEach((name, i) => { if (Number(name.slice(0, 20)) !== i) problems.push(`version ${i} missing (found ${name})`); });

  let protocol = null, metadata = null;
  const live = new Map();
  names.forEach((name, version) => {
    const lines = readFileSync(path.join(logDir, name), 'utf8').split('\n').filter((l) => l.length > 0);
    const touched = new Set();
    lines.forEach((line, i) => {
      let action;
      try { action = JSON.parse(line); } catch { problems.push(`${name}:${i + 1} is not JSON`); return; }
      const keys = Object.keys(action);
      if (keys.length !== 1) { problems.push(`${name}:${i + 1} holds ${keys.length} actions`); return; }
      const [kind] = keys; const body = action[kind];
      if (kind === 'protocol') protocol = body;
      if (kind === 'metaData') metadata = body;
      if (kind === 'add' || kind === 'remove') {
        if (typeof body.path !== 'string' || body.path.startsWith('/') || body.path.split('/').includes('..'))
          problems.push(`${name}:${i + 1} path ${body.path} is not inside the table`);
        if (touched.has(body.path)) problems.push(`${name}: ${body.path} appears twice in one commit`);
        touched.add(body.path);
        if (kind === 'add') live.set(body.path, body); else live.delete(body.path);
        if (typeof body.dataChange !== 'boolean') problems.push(`${name}:${i + 1} ${kind} without dataChange`);
      }
    });
    if (version === 0 && (!protocol || !metadata)) problems.push('version 0 lacks protocol or metaData');
  });
  if (!protocol || protocol.minReaderVersion !== 1) problems.push(`protocol ${JSON.stringify(protocol)}`);
  if (!metadata || !metadata.id || metadata.format?.provider !== 'parquet' || typeof metadata.schemaString !== 'string' ||
      !Array.isArray(metadata.partitionColumns))
    problems.push(`metaData incomplete: ${JSON.stringify(metadata)}`);
  const fields = metadata ? JSON.parse(metadata.schemaString).fields : [];

  // The same replay in DuckDB SQL: the newest add or remove of each path wins.
  const sqlLive = (await rowsOf(`
    WITH raw AS (SELECT json, regexp_extract(filename, '(\\d{20})\\.json$', 1)::BIGINT v
                 FROM read_json_objects(${quote(logDir + '/*.json')}, format='newline_delimited', filename=true)),
    f AS (SELECT v, coalesce(json_extract_string(json,'$.add.path'), json_extract_string(json,'$.remove.path')) path,
                 json_extract_string(json,'$.add.path') IS NOT NULL is_add
          FROM raw WHERE json_extract_string(json,'$.add.path') IS NOT NULL OR json_extract_string(json,'$.remove.path') IS NOT NULL),
    live AS (SELECT path, arg_max(is_add, v) alive FROM f GROUP BY path)
    SELECT path FROM live WHERE alive ORDER BY path`)).map((r) => r.path);
  const jsLive = [...live.keys()].sort();
  if (JSON.stringify(sqlLive) !== JSON.stringify(jsLive))
    problems.push(`replays disagree: JS ${JSON.stringify(jsLive)} vs SQL ${JSON.stringify(sqlLive)}`);

  let rows = 0;
  for (const [file, add] of live) {
    const full = path.join(table, file);
    if (!existsSync(full)) { problems.push(`${file} is live but missing`); continue; }
    if (statSync(full).size !== add.size) problems.push(`${file}: add.size ${add.size}, file ${statSync(full).size}`);
    const described = await rowsOf(`DESCRIBE SELECT * FROM read_parquet(${quote(full)})`);
    fields.forEach((field, i) => {
      const got = described[i];
      if (!got || got.column_name !== field.name || got.column_type !== duckdbType(field.type))
        problems.push(`${file} column ${i} is ${JSON.stringify(got)}, schemaString says ${field.name} ${field.type}`);
    });
    if (typeof add.stats !== 'string') { problems.push(`${file}: stats is not a JSON string`); continue; }
    const stats = JSON.parse(add.stats);
    const aggregates = fields.map((f) => `count(*) - count(${ident(f.name)}) AS ${ident('n_' + f.name)}`);
    const [counts] = await rowsOf(`SELECT count(*) AS total, ${aggregates.join(', ')} FROM read_parquet(${quote(full)})`);
    rows += Number(counts.total);
    if (stats.numRecords !== Number(counts.total)) problems.push(`${file}: numRecords ${stats.numRecords}, rows ${counts.total}`);
    for (const field of fields) {
      const nulls = Number(counts['n_' + field.name]);
      if (stats.nullCount?.[field.name] !== nulls) problems.push(`${file}: nullCount.${field.name} ${stats.nullCount?.[field.name]}, counted ${nulls}`);
      for (const [bound, op] of [['minValues', '<'], ['maxValues', '>']]) {
        if (!(field.name in (stats[bound] || {}))) continue;
        const raw = stats[bound][field.name];
        const literal = typeof raw === 'string' ? quote(raw) : String(raw);
        const column = field.type === 'timestamp' ? `epoch_ms(${ident(field.name)})` : ident(field.name);
        const value = field.type === 'timestamp' ? `epoch_ms(${literal}::TIMESTAMPTZ)` : `${literal}::${duckdbType(field.type)}`;
        const [outside] = await rowsOf(`SELECT count(*)::INT AS n FROM read_parquet(${quote(full)}) WHERE ${column} ${op} ${value}`);
        if (outside.n !== 0) problems.push(`${file}: ${outside.n} values of ${field.name} ${op} ${bound} ${literal}`);
      }
    }
  }
  return { table, ok: problems.length === 0, problems, versions: names.length, liveFiles: jsLive, rows,
           columns: fields.map((f) => `${f.name} ${f.type}`) };
}

for (const table of process.argv.slice(2))
  process.stdout.write(JSON.stringify(await checkTable(table)) + '\n');
