-- Statements where EpochDB differs from PostgreSQL 15 (known bugs), with the statements that set up their state.
-- Skipped unless -Dslt.all=true; when one is fixed, move it back to distinct_on.sql and record again.
-- DISTINCT ON is rewritten for the top-level SELECT only: in a sub-query it is a syntax error
CREATE TABLE pts (time timestamptz, host text, dc int, v float8);
INSERT INTO pts SELECT '2024-01-01'::timestamptz + g * interval '1 minute', 'h' || (g % 37), g % 5, (g * 7919 % 1000) / 10.0 FROM generate_series(0, 29999) g;
SELECT count(*) FROM (SELECT DISTINCT ON (host) host, time FROM pts ORDER BY host, time DESC) s;
