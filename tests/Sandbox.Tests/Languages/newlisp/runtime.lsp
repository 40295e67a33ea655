(throw-error "boom")
