-- TimescaleDB's time_bucket, first/last and histogram (expected output written from TimescaleDB's source
-- src/time_bucket.c, src/agg_bookend.c, src/histogram.c and its documentation, checked by hand)
CREATE TABLE cpu (time timestamptz NOT NULL, host text, usage double precision, ts timestamp, day date, n integer, s smallint, b bigint);
INSERT INTO cpu VALUES
  ('2024-01-01 00:00:00+00', 'h1', 10, '2024-01-01 00:00:00', '2024-01-01', 0, 0, 0),
  ('2024-01-01 00:04:59.999999+00', 'h1', 20, '2024-01-01 00:04:59.999999', '2024-01-02', 4, 4, 4),
  ('2024-01-01 00:05:00+00', 'h1', NULL, '2024-01-01 00:05:00', '2024-01-07', 5, 5, 5),
  ('2024-01-01 00:07:00+00', 'h1', 40, '2024-01-01 00:07:00', '2024-01-08', 7, 7, 7),
  ('2024-01-01 00:00:00+00', 'h2', 50, '2024-01-01 00:00:00', '2024-02-29', -1, -1, -1),
  ('2024-01-01 00:03:00+00', 'h2', 60, '2024-01-01 00:03:00', '2024-03-01', -10, -10, -10),
  ('2024-01-01 00:09:00+00', 'h2', 70, '2024-01-01 00:09:00', '2023-12-31', -11, -11, -11);
-- default origin: Monday 2000-01-03 below a month, 2000-01-01 for months and years
SELECT time_bucket('5 minutes', time) AS bucket, count(*), avg(usage) FROM cpu GROUP BY bucket ORDER BY bucket;
SELECT time_bucket(INTERVAL '5 minutes', ts) AS bucket, count(*) FROM cpu GROUP BY 1 ORDER BY 1;
SELECT time_bucket('1 week', timestamptz '2024-01-10 12:00:00+00'), time_bucket('1 week', timestamp '2024-01-07 23:59:59'), time_bucket('1 week', date '2024-01-08');
SELECT time_bucket('1 day', timestamp '2024-01-10 12:00:00'), time_bucket('2 days', timestamp '2024-01-10 12:00:00'), time_bucket('3 days', date '2024-01-10');
SELECT time_bucket('1 month', timestamptz '2024-02-29 23:59:59+00'), time_bucket('3 months', timestamp '2024-05-15 10:00:00'), time_bucket('1 year', date '2024-07-04');
SELECT time_bucket('2 years', timestamp '2023-06-01 00:00:00'), time_bucket('5 months', date '2024-01-01'), time_bucket('7 months', timestamptz '1999-12-31 23:00:00+00');
-- values before 2000 and before 1970 round down (floor)
SELECT time_bucket('1 hour', timestamp '1969-12-31 23:59:59.999999'), time_bucket('1 day', timestamp '1960-05-17 13:00:00'), time_bucket('1 week', timestamp '1999-12-31 00:00:00');
SELECT time_bucket('15 minutes', timestamptz '1900-01-01 00:07:00+00'), time_bucket('1 month', timestamp '1969-07-20 20:17:40'), time_bucket('1 year', date '1969-12-31');
-- widths from 1 microsecond to years
SELECT time_bucket('1 microsecond', timestamp '2024-01-01 12:34:56.789012'), time_bucket('10 microseconds', timestamp '2024-01-01 12:34:56.789012'), time_bucket('1 millisecond', timestamp '2024-01-01 12:34:56.789512');
SELECT time_bucket('1 second', timestamptz '2024-01-01 12:34:56.9+00'), time_bucket('90 seconds', timestamp '2024-01-01 00:02:59'), time_bucket('1 day 12 hours', timestamp '2024-01-04 11:00:00');
-- origin
SELECT time_bucket('1 week', timestamp '2024-01-10 12:00:00', timestamp '2024-01-07 00:00:00'), time_bucket('15 minutes', time, timestamptz '2024-01-01 00:02:00+00') FROM cpu WHERE host = 'h2' ORDER BY time;
SELECT time_bucket('1 hour', timestamp '2024-01-01 10:20:00', timestamp '2030-01-01 00:30:00'), time_bucket('1 day', date '2024-01-10', date '2024-01-09'), time_bucket('2 days', date '2024-01-10', date '2024-01-09');
SELECT time_bucket('1 month', timestamp '2024-03-20 10:00:00', timestamp '2000-01-15 00:00:00'), time_bucket('2 months', date '2024-03-20', date '2000-02-01'), time_bucket('3 months', timestamptz '2024-03-20 00:00:00+00', timestamptz '2024-02-10 00:00:00+00');
SELECT time_bucket('5 minutes', time, origin => timestamptz '2024-01-01 00:01:00+00') AS bk, count(*) FROM cpu GROUP BY bk ORDER BY bk;
-- offset
SELECT time_bucket('5 minutes', time, INTERVAL '2 minutes') AS bk, count(*) FROM cpu GROUP BY bk ORDER BY bk;
SELECT time_bucket('1 day', timestamp '2024-01-10 03:00:00', INTERVAL '4 hours'), time_bucket('1 day', timestamp '2024-01-10 05:00:00', INTERVAL '-4 hours'), time_bucket('1 month', date '2024-03-01', INTERVAL '1 day');
SELECT time_bucket('10 minutes', time, "offset" => INTERVAL '5 minutes') AS bk, count(*) FROM cpu GROUP BY bk ORDER BY bk;
SELECT time_bucket('1 day', date '2024-01-10', INTERVAL '2 days'), time_bucket('1 week', date '2024-01-10', INTERVAL '1 day');
-- the offset of the timestamptz variant is interval arithmetic in the session time zone (a day across DST is 23 h)
SET TimeZone = 'America/New_York';
SELECT time_bucket('1 day', timestamptz '2024-03-11 03:30:00+00', INTERVAL '1 day'), time_bucket('1 day', timestamptz '2024-03-11 03:30:00+00', INTERVAL '24 hours');
SELECT time_bucket('1 day', timestamptz '2024-03-11 03:30:00+00'), time_bucket('1 month', timestamptz '2024-03-01 03:30:00+00');
SET TimeZone = 'UTC';
-- time zone argument: buckets on the zone's calendar; DST days are 23 and 25 hours
SELECT time_bucket('1 day', timestamptz '2024-03-10 12:00:00+00', 'America/New_York'), time_bucket('1 day', timestamptz '2024-03-10 03:00:00+00', 'America/New_York');
SELECT time_bucket('1 day', timestamptz '2024-03-31 12:00:00+00', 'Europe/Berlin'), time_bucket('1 day', timestamptz '2024-10-27 23:30:00+00', 'Europe/Berlin'), time_bucket('1 day', timestamptz '2024-10-27 12:00:00+00', 'Europe/Berlin');
SELECT time_bucket('1 hour', timestamptz '2024-11-03 05:30:00+00', 'America/New_York'), time_bucket('1 hour', timestamptz '2024-11-03 06:30:00+00', 'America/New_York'), time_bucket('1 hour', timestamptz '2024-03-10 07:30:00+00', 'America/New_York');
SELECT time_bucket('1 month', timestamptz '2024-03-01 02:00:00+00', 'Europe/Berlin'), time_bucket('1 month', timestamptz '2024-02-29 23:30:00+00', 'Europe/Berlin'), time_bucket('1 week', timestamptz '2024-01-08 00:30:00+00', 'Asia/Tokyo');
SELECT time_bucket('1 day', timestamptz '2024-03-10 12:00:00+00', timezone => 'America/New_York', origin => timestamptz '2024-01-01 12:00:00+00'), time_bucket('1 day', timestamptz '2024-03-10 12:00:00+00', 'America/New_York', "offset" => INTERVAL '6 hours');
SELECT time_bucket('1 hour', time, 'Asia/Kolkata') AS bk, count(*) FROM cpu GROUP BY bk ORDER BY bk;
SELECT time_bucket('1 day', timestamptz '2024-01-10 12:00:00+00', 'Mars/Olympus');
-- a timestamp or date with a time zone argument is cast to timestamptz (in the session zone, UTC here)
SELECT time_bucket('1 day', ts, 'Europe/Berlin'::text) AS b1, time_bucket('1 day', day, timezone => 'Asia/Tokyo') AS b2, pg_typeof(time_bucket('1 day', day, 'Asia/Tokyo'::text)) FROM cpu WHERE n = 7;
-- integer widths and offsets; the result has the argument's type
SELECT n, time_bucket(5, n), time_bucket(5, n, 2), time_bucket(3, s), time_bucket(10, b), time_bucket(10::bigint, b, -3) FROM cpu ORDER BY n;
SELECT pg_typeof(time_bucket(5, n)), pg_typeof(time_bucket(5::smallint, s)), pg_typeof(time_bucket(5, b)), pg_typeof(time_bucket('1 day', day)), pg_typeof(time_bucket('1 day', ts)), pg_typeof(time_bucket('1 day', time)) FROM cpu LIMIT 1;
SELECT time_bucket(10::smallint, (-32760)::smallint), time_bucket(10::smallint, 32767::smallint), time_bucket(10::smallint, 32762::smallint, (-5)::smallint);
SELECT time_bucket(10::smallint, 32767::smallint, (-5)::smallint);
SELECT time_bucket(10::smallint, (-32761)::smallint);
SELECT time_bucket(10, (-2147483648)::integer);
SELECT time_bucket(7, 2147483647), time_bucket(1000000000000, 1234567890123456::bigint);
-- integer arguments of different widths use the widest type, as PostgreSQL resolves the overloads
SELECT time_bucket(5, s), pg_typeof(time_bucket(5, s)), pg_typeof(time_bucket(5::smallint, s, 2)), pg_typeof(time_bucket(5::bigint, n)), pg_typeof(time_bucket(5, n, 1::bigint)) FROM cpu WHERE n = 7;
-- width as a string, including Grafana's $__timeGroup forms
SELECT time_bucket('0.5s', timestamp '2024-01-01 00:00:01.7'), time_bucket('30s', timestamp '2024-01-01 00:00:47'), time_bucket('1m', timestamp '2024-01-01 00:00:47'), time_bucket('1h', timestamp '2024-01-01 10:59:59');
SELECT time_bucket('300s', time) AS time, avg(usage) FROM cpu GROUP BY 1 ORDER BY 1;
-- Grafana older than 10 writes the width with Go's %v ('1.0368e+06s' = 12 days), which PostgreSQL's interval
-- input rejects (so TimescaleDB fails); EpochDB accepts the exponent form in time_bucket widths
SELECT time_bucket('1.0368e+06s', timestamp '2024-01-20 00:00:00'), time_bucket('3.6e+03s', timestamp '2024-01-20 10:30:00');
-- NULLs
SELECT time_bucket('5 minutes', NULL::timestamptz), time_bucket(NULL::interval, timestamptz '2024-01-01 00:00:00+00'), time_bucket(5, NULL::integer);
-- invalid widths
SELECT time_bucket('0 minutes', timestamptz '2024-01-01 00:00:00+00');
SELECT time_bucket('-5 minutes', timestamp '2024-01-01 00:00:00');
SELECT time_bucket(0, 10);
SELECT time_bucket(-2, 10::bigint);
SELECT time_bucket('1 month 1 day', timestamp '2024-01-01 00:00:00');
SELECT time_bucket('1 month 2 hours', timestamptz '2024-01-01 00:00:00+00');
SELECT time_bucket('-1 month', date '2024-01-01');
SELECT time_bucket('1 hour', date '2024-01-01');
SELECT time_bucket('36 hours', date '2024-01-01');
-- first / last: the value at the earliest / latest time, even when that value is NULL
SELECT host, first(usage, time), last(usage, time), first(n, time), last(ts, time) FROM cpu GROUP BY host ORDER BY host;
SELECT first(host, usage), last(host, usage), first(time, n), last(day, n) FROM cpu;
SELECT time_bucket('5 minutes', time) AS bk, first(usage, time), last(usage, time) FROM cpu GROUP BY bk ORDER BY bk;
SELECT first(usage, time), last(usage, time) FROM cpu WHERE host = 'nope';
SELECT first(v, t), last(v, t) FROM (VALUES (1, 10), (2, 10), (3, 5), (4, 20), (5, 20), (6, NULL)) x(v, t);
SELECT first(v, t), last(v, t) FROM (VALUES (1, NULL::integer), (2, NULL)) x(v, t);
SELECT pg_typeof(first(usage, time)), pg_typeof(last(host, time)), pg_typeof(first(n, ts)) FROM cpu;
-- histogram: nbuckets + 2 counts (below min, the buckets, at or above max)
-- NULL values are ignored (TimescaleDB counts them as 0: see TIMESCALE-NOTES.md)
SELECT histogram(usage, 10, 70, 6) FROM cpu;
SELECT host, histogram(usage, 0, 100, 4) FROM cpu GROUP BY host ORDER BY host;
SELECT histogram(n, -10, 10, 2), histogram(n, 0, 1, 1) FROM cpu;
SELECT histogram(x, 0.0, 1.0, 3) FROM (VALUES (0.0), (0.3333333333333333), (0.5), (0.9999999999), (1.0), (-0.1), (NULL)) t(x);
SELECT histogram(usage, 0, 100, 4) FROM cpu WHERE false;
SELECT pg_typeof(histogram(usage, 0, 100, 4)) FROM cpu;
SELECT histogram(usage, 100, 0, 4) FROM cpu;
SELECT histogram(usage, 5, 5, 4) FROM cpu;
SELECT histogram(usage, 0, 100, 0) FROM cpu;
-- gap detection with generate_series and time_bucket
SELECT s.bucket, count(c.usage) AS readings, coalesce(avg(c.usage), 0) AS avg
  FROM generate_series(timestamptz '2024-01-01 00:00:00+00', timestamptz '2024-01-01 00:12:00+00', interval '3 minutes') AS s(bucket)
  LEFT JOIN cpu c ON time_bucket('3 minutes', c.time) = s.bucket
  GROUP BY s.bucket ORDER BY s.bucket;
SELECT b.bucket FROM generate_series(timestamptz '2024-01-01 00:00:00+00', timestamptz '2024-01-01 00:09:00+00', interval '1 minute') AS b(bucket)
  WHERE b.bucket NOT IN (SELECT time_bucket('1 minute', time) FROM cpu WHERE host = 'h1') ORDER BY 1;
