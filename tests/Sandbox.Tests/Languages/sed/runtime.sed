w /nonexistent/boom
