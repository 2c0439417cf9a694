-- Statements where EpochDB differs from PostgreSQL 15 (known bugs), with the statements that set up their state.
-- Skipped unless -Dslt.all=true; when one is fixed, move it back to window.sql and record again.
-- Window functions
CREATE TABLE temps (ts timestamptz, sensor text, v double precision);
INSERT INTO temps VALUES
  ('2024-01-01 00:00:00+00', 's1', 10), ('2024-01-01 01:00:00+00', 's1', 12), ('2024-01-01 02:00:00+00', 's1', 11),
  ('2024-01-01 03:00:00+00', 's1', 15), ('2024-01-01 00:00:00+00', 's2', 20), ('2024-01-01 01:00:00+00', 's2', 18),
  ('2024-01-01 02:00:00+00', 's2', 18), ('2024-01-01 03:00:00+00', 's2', NULL);
SELECT sensor, rank() FROM temps;
