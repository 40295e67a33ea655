if true; then
  echo unclosed
