import qualified Data.ByteString as B

main :: IO ()
main = go []
  where
    go :: [B.ByteString] -> IO ()
    go chunks = let chunk = B.replicate (16 * 1024 * 1024) 1 in chunk `seq` go (chunk : chunks)
