reduce repeat(1) as $x ("x"; . + .)
