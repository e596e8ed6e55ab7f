"""Storage: the SQLite database, its schema and migrations, the unit of work and backups."""
