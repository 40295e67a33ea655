chunks <- list()
repeat chunks[[length(chunks) + 1]] <- numeric(2e6) + 1
