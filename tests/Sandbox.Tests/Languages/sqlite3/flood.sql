WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)
SELECT replace(hex(zeroblob(500)), '00', 'xx') FROM r;
