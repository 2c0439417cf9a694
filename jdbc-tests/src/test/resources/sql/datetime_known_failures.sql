-- Statements where EpochDB differs from PostgreSQL 15 (known bugs), with the statements that set up their state.
-- Skipped unless -Dslt.all=true; when one is fixed, move it back to datetime.sql and record again.
-- Dates, timestamps, intervals, time zones
SELECT DATE '2024-03-01' - 1, DATE '2024-12-31' - DATE '2024-01-01', DATE '2024-01-01' + TIME '10:30';
SELECT extract(hour FROM TIMESTAMP '2024-05-17 13:47:12.25'), extract(second FROM TIMESTAMP '2024-05-17 13:47:12.25'), extract(dow FROM DATE '2024-05-17'), extract(doy FROM DATE '2024-05-17');
SELECT extract(epoch FROM TIMESTAMPTZ '2024-01-01 00:00:00+00'), extract(epoch FROM INTERVAL '1 day 1 hour');
SELECT TIMESTAMPTZ '2024-01-01 12:00:00+00' AT TIME ZONE 'America/New_York', TIMESTAMPTZ '2024-07-01 12:00:00+00' AT TIME ZONE 'Europe/Berlin';
SELECT TIMESTAMP '2024-01-01 12:00:00' AT TIME ZONE 'UTC', TIMESTAMP '2024-01-01 12:00:00' AT TIME ZONE 'Asia/Tokyo';
SET TimeZone = 'Europe/Berlin';
SELECT '2024-07-01 12:00:00'::timestamptz, '2024-07-01 12:00:00'::timestamptz::timestamp, '2024-07-01 12:00:00'::timestamptz::date;
SET TimeZone = 'America/Los_Angeles';
SET TimeZone = 'UTC';
SELECT make_date(2024, 2, 29), make_interval(days => 3, hours => 4), age(TIMESTAMP '2024-05-17', TIMESTAMP '2023-01-01');
