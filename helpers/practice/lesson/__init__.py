"""What the lessons use of the practice server: one-line fault controls (``controls``) and the
next-token view of lesson 02 (``next_tokens``). ``helpers.practice`` re-exports both."""
