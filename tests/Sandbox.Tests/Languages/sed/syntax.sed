s/unclosed
