<?php
$chunks = [];
while (true) {
    $chunks[] = str_repeat("x", 16 << 20);
}
