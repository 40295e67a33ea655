reduce repeat(1) as $x (0; (. + 1) % 1000)
