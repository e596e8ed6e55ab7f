"""The city server: enrollment, push, pull and summary over HTTP, on SQLite or PostgreSQL (docs/sync-protocol.md)."""
