say "unclosed
