"""Writing a snapshot's rows: one INSERT per batch, the values prepared once, not per object.

`bulk_create` prepares every value of every object through the field and the SQL compiler;
for 4,000 UnitResult rows of 16 columns, seven of them JSON, that took as long as the engine.
Here the statement is built once from the model's own fields, JSON columns are written as
their text (StoredJSON as it is, anything else through json.dumps, as JSONField does), other
columns through the field's `get_db_prep_save`, and the batches go through `executemany`.
"""

import json
from collections.abc import Sequence

from django.db import connections, router
from django.db.models import JSONField, Model

from parindex.results.bundles import StoredJSON

BATCH = 1000


def _json_text(value) -> str | None:
    if value is None:
        return None  # SQL NULL, as JSONField stores None
    if isinstance(value, StoredJSON):
        return value.text
    return json.dumps(value)


def insert_rows(model: type[Model], objects: Sequence[Model]) -> None:
    """Insert `objects` (unsaved, primary keys left to the database; not set on them)."""
    if not objects:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    placeholders = ", ".join(
        f"%s{cast}" if isinstance(field, JSONField) else "%s" for field in fields
    )
    # Names from the model's own meta, quoted; every value is a parameter.
    table, columns = quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    kinds = [(field, isinstance(field, JSONField)) for field in fields]

    def values(row: Model) -> list:
        return [
            _json_text(getattr(row, field.attname))
            if is_json
            else field.get_db_prep_save(getattr(row, field.attname), connection)
            for field, is_json in kinds
        ]

    with connection.cursor() as cursor:
        for start in range(0, len(objects), BATCH):
            cursor.executemany(sql, [values(row) for row in objects[start : start + BATCH]])
