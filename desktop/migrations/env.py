"""Alembic environment: migrations run on the connection the app hands over, in one transaction."""

from alembic import context

from desktop.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run through desktop.storage.database.open_database")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
