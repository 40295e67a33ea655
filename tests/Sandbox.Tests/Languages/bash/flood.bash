line=$(printf "%1000s" "")
while :; do echo "${line// /x}"; done
