// node-postgres against EpochDB: extended protocol with parameters, types, errors. Usage: node pg_smoke.js PORT
const assert = require('assert');
const { Client } = require('pg');

(async () => {
  const c = new Client({ host: '127.0.0.1', port: Number(process.argv[2]), user: 'postgres', database: 'postgres' });
  await c.connect();
  await c.query('CREATE TABLE node_cpu (time timestamptz, host text, v float8, n int)');
  await c.query('INSERT INTO node_cpu VALUES ($1, $2, $3, $4)', [new Date('2024-01-01T00:00:00Z'), 'a', 1.5, 7]);
  const r = await c.query('SELECT time, host, v, n + $1::int AS m FROM node_cpu WHERE host = $2', [1, 'a']);
  assert.deepStrictEqual(r.rows, [{ time: new Date('2024-01-01T00:00:00Z'), host: 'a', v: 1.5, m: 8 }]);
  assert.deepStrictEqual(r.fields.map(f => f.dataTypeID), [1184, 25, 701, 23]);
  await assert.rejects(c.query('SELECT nosuch'), e => e.code === '42703');
  const again = await c.query('SELECT 1 AS one');
  assert.strictEqual(again.rows[0].one, 1);
  await c.end();
  console.log('node-postgres ok');
})().catch(e => { console.error(e); process.exit(1); });
