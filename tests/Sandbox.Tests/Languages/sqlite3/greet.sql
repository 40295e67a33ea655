CREATE TABLE input(line TEXT);
.import /dev/stdin input
SELECT 'Hello, ' || line || '! 6*7=' || (6 * 7) FROM input LIMIT 1;
.exit 3
