import System.Exit

main :: IO ()
main = do
  name <- getLine
  putStrLn ("Hello, " ++ name ++ "! 6*7=" ++ show (6 * 7 :: Int))
  exitWith (ExitFailure 3)
