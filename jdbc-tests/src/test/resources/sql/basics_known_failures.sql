-- Statements where EpochDB differs from PostgreSQL 15 (known bugs), with the statements that set up their state.
-- Skipped unless -Dslt.all=true; when one is fixed, move it back to basics.sql and record again.
-- Basic SELECTs, expressions, and the text output of each type
SELECT 1 + 2 * 3, (1 + 2) * 3, 7 / 2, 7 % 3, -7 / 2, 2 ^ 10;
SELECT 3.14159::real AS r, 100::float4 / 3;
SELECT 123.4500::numeric, 0.000::numeric, -1.5::numeric(10,3), 12345678901234567890::numeric;
SELECT '{"a": 1, "b": [1, 2, {"c": null}]}'::jsonb, '{"b":2,"a":1}'::jsonb;
SELECT '{"a": 1}'::jsonb -> 'a', '{"a": "x"}'::jsonb ->> 'a', '{"a": {"b": 3}}'::jsonb #>> '{a,b}';
SELECT CAST(42 AS text), CAST('42' AS integer), '3.5'::numeric + 1, 42::float8::text, 1::boolean, 'yes'::boolean;
SELECT * FROM (VALUES (1, 'a'), (2, NULL), (NULL, 'c')) AS v(n, s) ORDER BY n NULLS FIRST;
SELECT typeof_check FROM (SELECT pg_typeof(1) AS typeof_check) s;
SELECT pg_typeof(1), pg_typeof(1::bigint), pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(now());
