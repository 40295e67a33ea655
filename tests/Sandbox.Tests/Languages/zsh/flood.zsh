line=${(l:1000::x:)}
while :; do print -r -- $line; done
