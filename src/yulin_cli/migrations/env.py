"""Alembic environment: yulin always hands in an open connection (see ``db.upgrade``)."""

from alembic import context

from yulin_cli.models import SQLModel

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    transaction_per_migration=False,
)
# The caller owns the transaction: the whole upgrade commits or rolls back as one.
context.run_migrations()
