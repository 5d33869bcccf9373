"""The recommendations register: what a national assessment recommends, and what became of it."""
