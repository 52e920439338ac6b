// Reads Parquet files with two independent readers, DuckDB (@duckdb/node-api) and hyparquet (with
// hyparquet-compressors for ZSTD), and prints one JSON line per file with what each one saw, every value
// in one canonical text form so the C++ test can compare both against what it wrote:
//   integers and decimals as decimal text, dates YYYY-MM-DD, timestamps as epoch microseconds,
//   doubles as JavaScript prints them, booleans true/false, null as null.
// Usage: node parquet-readers.mjs FILE...   (a reader's failure is reported as {"error": "..."})
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { asyncBufferFromFile } from 'hyparquet/src/node.js';
import { compressors } from 'hyparquet-compressors';

const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const ident = (name) => `"${name.replaceAll('"', '""')}"`;

function canonical(value, decimalScale) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return decimalScale !== undefined ? value.toFixed(decimalScale) : String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

async function readWithDuckdb(connection, file) {
  const schema = (await connection.runAndReadAll(
    `SELECT name, type, converted_type, logical_type, repetition_type, field_id::VARCHAR AS field_id, scale
     FROM parquet_schema(${quote(file)})`)).getRowObjectsJson().slice(1);
  const expressions = schema.map((column) => {
    const name = ident(column.name);
    if (column.converted_type === 'TIMESTAMP_MICROS') return `epoch_us(${name})::VARCHAR`;
    if (column.type === 'DOUBLE') return name;
    return `${name}::VARCHAR`;
  });
  const reader = await connection.runAndReadAll(
    `SELECT ${expressions.join(', ')} FROM read_parquet(${quote(file)})`);
  const rows = reader.getRows().map((row) => row.map((value) => canonical(value)));
  // Timestamp bounds come back as text in the session time zone: turn them into epoch microseconds.
  const bound = (field) => `CASE WHEN s.converted_type = 'TIMESTAMP_MICROS'
      THEN epoch_us(m.${field}::TIMESTAMPTZ)::VARCHAR ELSE m.${field} END`;
  const chunks = (await connection.runAndReadAll(
    `SELECT m.row_group_id::INT AS row_group, m.path_in_schema AS column, m.compression, m.encodings,
            ${bound('stats_min_value')} AS min, ${bound('stats_max_value')} AS max,
            m.stats_null_count::VARCHAR AS nulls, m.num_values::VARCHAR AS "values"
     FROM parquet_metadata(${quote(file)}) m JOIN parquet_schema(${quote(file)}) s ON s.name = m.path_in_schema
     ORDER BY m.row_group_id, m.column_id`)).getRowObjectsJson();
  return { schema, rows, chunks };
}

async function readWithHyparquet(file) {
  const parsers = {
    timestampFromMicroseconds: (micros) => micros.toString(),
    dateFromDays: (days) => new Date(days * 86400000).toISOString().slice(0, 10),
  };
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer, { parsers });
  const columns = metadata.schema.slice(1);
  const scales = columns.map((c) => (c.converted_type === 'DECIMAL' ? c.scale || 0 : undefined));
  const objects = await parquetReadObjects({ file: buffer, metadata, compressors, parsers });
  const rows = objects.map((object) => columns.map((c, i) => canonical(object[c.name], scales[i])));
  const chunks = [];
  metadata.row_groups.forEach((group, index) => {
    group.columns.forEach((chunk, i) => {
      const stats = chunk.meta_data.statistics || {};
      chunks.push({
        row_group: index,
        column: chunk.meta_data.path_in_schema.join('.'),
        min: canonical(stats.min_value, scales[i]),
        max: canonical(stats.max_value, scales[i]),
        nulls: canonical(stats.null_count),
      });
    });
  });
  return {
    numRows: metadata.num_rows.toString(),
    fieldIds: columns.map((c) => c.field_id ?? null),
    rows,
    chunks,
  };
}

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run("SET TimeZone = 'UTC'");
for (const file of process.argv.slice(2)) {
  const out = { file };
  try { out.duckdb = await readWithDuckdb(connection, file); } catch (e) { out.duckdb = { error: String(e.message || e) }; }
  try { out.hyparquet = await readWithHyparquet(file); } catch (e) { out.hyparquet = { error: String(e.message || e) }; }
  process.stdout.write(JSON.stringify(out) + '\n');
}
