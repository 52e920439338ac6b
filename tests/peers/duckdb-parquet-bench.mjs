// The peer side of tests/bench/bench_parquetwrite: DuckDB writes the same 1,000,000 rows x 8 columns
// as Parquet with ZSTD on one thread, from a table materialized first (so only the COPY is timed).
//   node duckdb-parquet-bench.mjs OUT_FILE REPETITIONS      -> {"ms":[...],"bytes":N}
//   node duckdb-parquet-bench.mjs --digest FILE...          -> one {"file","digest"} line per file
// The digest is a few aggregates over every column, to show two files hold the same values.
import { DuckDBInstance } from '@duckdb/node-api';
import { statSync } from 'node:fs';

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
await connection.run("SET TimeZone = 'UTC'");
const quote = (text) => `'${text.replaceAll("'", "''")}'`;

if (process.argv[2] === '--digest') {
  for (const file of process.argv.slice(3)) {
    const rows = (await connection.runAndReadAll(`
      SELECT count(*)::VARCHAR AS "rows", sum(id)::VARCHAR AS "ids", sum(length(name))::VARCHAR AS "name_bytes",
             sum(hash(name) % 1000003)::VARCHAR AS "name_hash", sum(epoch_us(ts) % 1000003)::VARCHAR AS "ts_sum",
             sum(d - DATE '2020-01-01')::VARCHAR AS "days", sum(amount)::VARCHAR AS "amount_sum",
             sum(score)::VARCHAR AS "score_sum", count_if(flag)::VARCHAR AS "flags", count(city)::VARCHAR AS "cities",
             sum(hash(city) % 1000003)::VARCHAR AS "city_hash"
      FROM read_parquet(${quote(file)})`)).getRowObjectsJson();
    process.stdout.write(JSON.stringify({ file, digest: rows[0] }) + '\n');
  }
  process.exit(0);
}

const [out, repetitions] = [process.argv[2], Number(process.argv[3] || 3)];
await connection.run(`
  CREATE TABLE src AS SELECT
    i::BIGINT AS id,
    'customer_' || i AS name,
    DATE '2020-01-01' + (i % 1000)::INT AS d,
    make_timestamp(1577836800000000 + i * 1000003)::TIMESTAMPTZ AS ts,
    (((i * 7919) % 10000000)::DECIMAL(18, 0) / 100)::DECIMAL(18, 2) AS amount,
    (i % 100000)::DOUBLE / 100 AS score,
    i % 3 = 0 AS flag,
    CASE WHEN i % 10 = 0 THEN NULL ELSE 'city_' || (i % 50) END AS city
  FROM range(1000000) t(i)`);
const ms = [];
for (let r = 0; r < repetitions; ++r) {
  const start = process.hrtime.bigint();
  await connection.run(`COPY src TO ${quote(out)} (FORMAT parquet, COMPRESSION zstd)`);
  ms.push(Number(process.hrtime.bigint() - start) / 1e6);
}
process.stdout.write(JSON.stringify({ ms, bytes: statSync(out).size }) + '\n');
