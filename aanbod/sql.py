"""Two helpers for the hand-written search SQL: a condition as a true/false column, and the SQL
Django would run for a queryset (to use it inside a larger statement)."""

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, QuerySet


def flag(condition) -> ExpressionWrapper:
    """A Q or boolean expression as a column: true when the row meets it."""
    return ExpressionWrapper(condition, output_field=BooleanField())


def compiled(queryset: QuerySet) -> tuple[str, tuple]:
    """The SQL and parameters of a queryset, for the default database."""
    return queryset.query.get_compiler(connection=connection).as_sql()
