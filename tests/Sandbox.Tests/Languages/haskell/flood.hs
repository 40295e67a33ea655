main :: IO ()
main = mapM_ putStrLn (repeat (replicate 1000 'x'))
