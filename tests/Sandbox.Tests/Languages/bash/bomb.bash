s=x
for i in {1..20}; do s="$s$s"; done
chunks=()
while :; do chunks+=("$s"); done
