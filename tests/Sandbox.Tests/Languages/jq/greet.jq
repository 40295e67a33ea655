"Hello, \(.)! 6*7=\(6 * 7)", ("" | halt_error(3))
