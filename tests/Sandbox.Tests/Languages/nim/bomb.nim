var chunks: seq[seq[byte]]
while true:
  var chunk = newSeq[byte](16 shl 20)
  for i in 0 ..< chunk.len: chunk[i] = 1
  chunks.add chunk
