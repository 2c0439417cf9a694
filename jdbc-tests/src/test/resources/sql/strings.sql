-- String functions and operators
SELECT 'abc' || 'def', 'abc' || 1, 1 || 'abc', 'x' || NULL;
SELECT 'abc' LIKE 'a%', 'abc' LIKE '_b_', 'abc' NOT LIKE 'b%', 'ABC' ILIKE 'a%', 'a_c' LIKE 'a\_c';
SELECT 'abc' < 'abd', 'a' < 'B', 'Z' < 'a', 'abc' = 'abc ', 'abc'::varchar(5) = 'abc';
CREATE TABLE words (id int, w text);
INSERT INTO words VALUES (1, 'banana'), (2, 'Apple'), (3, 'cherry'), (4, NULL), (5, ''), (6, 'apple');
SELECT w FROM words WHERE w LIKE '%an%' ORDER BY w;
SELECT w FROM words ORDER BY w NULLS FIRST;
SELECT w FROM words ORDER BY lower(w), w;
SELECT w, coalesce(nullif(w, ''), '<empty>') FROM words ORDER BY id;
SELECT id FROM words WHERE w IN ('apple', 'banana') ORDER BY id;
