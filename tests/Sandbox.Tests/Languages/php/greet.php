<?php
$name = trim(fgets(STDIN));
echo "Hello, $name! 6*7=" . (6 * 7) . "\n";
exit(3);
