read -r name
echo "Hello, $name! 6*7=$((6 * 7))"
exit 3
