line = 'x'.repeat(1000) + '\n'
loop
  process.stdout.write line
