"""psycopg 3 against EpochDB: parameters, COPY, time_bucket, errors. Usage: psycopg_smoke.py PORT"""
import datetime
import sys

import psycopg

port = sys.argv[1]
with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres") as c:
    with c.cursor() as cur:
        cur.execute("CREATE TABLE py_cpu (time timestamptz NOT NULL, host text, v double precision)")
        cur.execute("INSERT INTO py_cpu VALUES (%s, %s, %s)",
                    (datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc), "a", 2.5))
        with cur.copy("COPY py_cpu FROM STDIN") as cp:
            cp.write_row((datetime.datetime(2024, 1, 1, 0, 7, tzinfo=datetime.timezone.utc), "a", 4.5))
        cur.execute("SELECT time_bucket('5 minutes', time) AS b, avg(v) FROM py_cpu WHERE host = %s GROUP BY 1 ORDER BY 1", ("a",))
        rows = cur.fetchall()
        assert [r[1] for r in rows] == [2.5, 4.5], rows
        assert rows[0][0] == datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc), rows
    c.commit()
    try:
        c.execute("SELECT nosuch FROM py_cpu")
        raise AssertionError("expected an error")
    except psycopg.Error as e:
        assert e.sqlstate == "42703", e.sqlstate
print("psycopg ok")
