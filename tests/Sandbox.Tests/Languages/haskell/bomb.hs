import Data.IORef

main :: IO ()
main = do
  r <- newIORef []
  let go :: Int -> IO ()
      go n = modifyIORef' r (n :) >> go (n + 1)
  go 0
