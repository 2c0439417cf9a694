-- DISTINCT ON, the "last point per series" query: one row per key, the first in ORDER BY order
CREATE TABLE pts (time timestamptz, host text, dc int, v float8);
INSERT INTO pts SELECT '2024-01-01'::timestamptz + g * interval '1 minute', 'h' || (g % 37), g % 5, (g * 7919 % 1000) / 10.0 FROM generate_series(0, 29999) g;
INSERT INTO pts VALUES (NULL, 'h1', 1, 1.5), ('2030-01-01', NULL, NULL, 2.5), ('2030-01-02', NULL, 3, 3.5), (NULL, 'zz', 9, NULL);
SELECT DISTINCT ON (host) host, time, v FROM pts ORDER BY host, time DESC;
SELECT DISTINCT ON (host) host, time, v FROM pts ORDER BY host, time DESC NULLS LAST;
SELECT DISTINCT ON (host) host, time, v FROM pts ORDER BY host DESC, time;
SELECT DISTINCT ON (host) * FROM pts WHERE time < '2024-01-10' ORDER BY host, time DESC;
SELECT DISTINCT ON (dc, host) dc, host, time FROM pts WHERE host IN ('h1', 'h2', 'h3') ORDER BY host, dc, time DESC;
SELECT DISTINCT ON (host) host, v, time FROM pts ORDER BY host, v DESC, time LIMIT 5 OFFSET 3;
SELECT DISTINCT ON (lower(host)) lower(host) AS h, time FROM pts ORDER BY lower(host), time DESC LIMIT 4;
SELECT DISTINCT ON (dc) dc, max_t FROM (SELECT dc, host, max(time) AS max_t FROM pts GROUP BY dc, host) s ORDER BY dc, max_t DESC, host;
SELECT DISTINCT ON (host) host FROM pts WHERE false ORDER BY host, time DESC;
SELECT DISTINCT ON (host) host, time FROM pts ORDER BY time, host;
SELECT DISTINCT ON (host) host, v FROM pts ORDER BY host DESC, time DESC;
SELECT DISTINCT ON (host) v FROM pts WHERE host IN ('h1', 'h2') OR host IS NULL ORDER BY host DESC NULLS LAST, time DESC;
SELECT DISTINCT ON (host) host, time FROM pts WHERE host IN ('h4', 'h5') ORDER BY host DESC, v, time + interval '1 second' DESC;
SELECT DISTINCT ON (host) host, dc FROM pts ORDER BY host, time DESC LIMIT 3;
SELECT DISTINCT ON (host) host, v FROM pts ORDER BY host, dc, time;
