"""Pure domain rules: no database, no Qt; each can be tested on its own."""
