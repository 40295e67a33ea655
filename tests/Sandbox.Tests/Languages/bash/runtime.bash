set -e
ls /nonexistent/boom
echo unreachable
