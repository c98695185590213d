"""The one-statement write of a new melding on PostgreSQL (meldpunt/insert.py).

PostgreSQL only (no sqlite mark): on SQLite the ORM path writes, and the tests of services.py
run on both databases.
"""

from unittest.mock import patch

import pytest
from django.db import DataError, connection
from django.test.utils import CaptureQueriesContext

from meldpunt import services
from meldpunt.models import Betrokkene, Melder, Melding, MeldingSignaal, StatusWijziging, Uitbericht
from meldpunt.services import Contact
from tests.factories import UserFactory
from tests.meldpunt.test_services import create

pytestmark = pytest.mark.django_db


def _rows(melding: Melding) -> dict:
    """Everything stored for a melding, without ids and with its reference taken out."""
    skip = {"id", "melding_id", "reference"}

    def plain(queryset):
        rows = []
        for row in queryset.order_by("pk").values():
            rows.append(
                {
                    key: value.replace(melding.reference, "<kenmerk>")
                    if isinstance(value, str)
                    else value
                    for key, value in row.items()
                    if key not in skip
                }
            )
        return rows

    return {
        "melding": plain(Melding.objects.filter(pk=melding.pk)),
        "melder": plain(Melder.objects.filter(melding=melding)),
        "betrokkene": plain(Betrokkene.objects.filter(melding=melding)),
        "signals": plain(MeldingSignaal.objects.filter(melding=melding)),
        "history": plain(StatusWijziging.objects.filter(melding=melding)),
        "outbox": plain(Uitbericht.objects.filter(melding=melding)),
    }


def _full(**overrides):
    """A melding that writes a row of every kind: urgent, with a receipt, a repeat, a user."""
    values = {
        "urgent": True,
        "signals": ["weinig-contact", "somber", "verlies"],
        "person": Contact("Piet de Vries", "0351234567", "piet@example.org"),
        "reporter": Contact("Anna Buur", "", "anna@example.org"),
    }
    values.update(overrides)
    if "entered_by" not in values:
        values["entered_by"] = UserFactory()
    return create(**values)


def test_the_statement_writes_exactly_what_the_orm_writes(postcodes, coordinator_user, monkeypatch):
    first = create()  # the open melding about the same address that both repeat
    one_statement = _full()
    monkeypatch.setattr(services, "_write_one_statement", services._write_orm)
    through_orm = _full(entered_by=one_statement.entered_by)

    rows = _rows(one_statement)
    assert rows == _rows(through_orm)
    assert rows["melding"][0]["linked_to_id"] == first.pk
    assert len(rows["signals"]) == 3
    # receipt, team, coördinator (urgent): the rows the statement sent along
    assert len(rows["outbox"]) == 3


def test_the_instances_come_back_as_if_saved(postcodes, coordinator_user):
    first = create()
    melding = _full()
    assert melding.pk == Melding.objects.get(reference=melding.reference).pk
    assert melding._state.adding is False
    assert melding.linked_to_id == first.pk
    assert melding.melder.melding_id == melding.pk
    assert melding.betrokkene.pk == Betrokkene.objects.get(melding=melding).pk


def test_a_melding_is_one_query(postcodes):
    create()  # the wijken and teams are kept per process from here on
    user = UserFactory()
    with CaptureQueriesContext(connection) as captured:
        _full(postcode="1211AA", entered_by=user)
    writes = [q["sql"] for q in captured if "INSERT" in q["sql"]]
    assert len(writes) == 1
    assert writes[0].startswith('WITH parent AS (INSERT INTO "meldpunt_melding"')


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_a_taken_reference_is_replaced_and_leaves_nothing(postcodes):
    taken = create().reference
    fresh = "HV-2222-3333"
    assert not connection.in_atomic_block
    with patch.object(services, "reference_new", side_effect=[taken, fresh]):
        melding = create(postcode="1211AA")
    assert melding.reference == fresh
    assert Melding.objects.count() == 2
    # Nothing of the refused attempt stayed behind.
    assert Melder.objects.count() == Betrokkene.objects.count() == 2
    assert StatusWijziging.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_when_one_part_fails_no_part_is_stored(postcodes, coordinator_user, settings):
    # An address too long for the outbox's column fails the last part of the statement.
    settings.MELDPUNT_COORDINATOR_EMAIL = "x" * 300 + "@example.org"
    with pytest.raises(DataError):
        create(urgent=True)
    assert Melding.objects.count() == 0
    assert Melder.objects.count() == Betrokkene.objects.count() == 0
    assert MeldingSignaal.objects.count() == StatusWijziging.objects.count() == 0
    assert Uitbericht.objects.count() == 0


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def test_a_statement_run_often_is_prepared_and_still_writes_the_same(
    postcodes, coordinator_user, settings, monkeypatch
):
    threshold = settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"]
    create()  # the open melding that the later ones repeat
    user = UserFactory()
    for _ in range(threshold + 1):
        _full(entered_by=user)
    prepared = _prepared_statements()
    # The melding's statement, and none of Django's own (client-side bound) queries.
    assert len(prepared) == 1
    assert prepared[0].startswith('WITH parent AS (INSERT INTO "meldpunt_melding"')

    # The prepared statement, with new values, writes what the ORM writes.
    again = _full(entered_by=user, text="Een nieuwe tekst")
    assert _prepared_statements() == prepared
    monkeypatch.setattr(services, "_write_one_statement", services._write_orm)
    through_orm = _full(entered_by=user, text="Een nieuwe tekst")
    assert _rows(again) == _rows(through_orm)


def _indexes(table: str) -> list[tuple[str, ...]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    # Unique constraints are backed by an index too; the primary key is left out.
    return sorted(
        tuple(c["columns"])
        for c in constraints.values()
        if (c["index"] or c["unique"]) and not c["primary_key"]
    )


def test_a_melding_writes_no_index_that_another_one_already_covers():
    melding = _indexes("meldpunt_melding")
    # One index for the reference (its uniqueness), no LIKE index beside it.
    assert melding.count(("reference",)) == 1
    # The team's lists use (buurtteam, status), which also serves lookups by team alone.
    assert ("buurtteam_id", "status") in melding
    assert ("buurtteam_id",) not in melding
    signals = _indexes("meldpunt_meldingsignaal")
    assert ("melding_id", "code") in signals  # the unique pair, also for lookups by melding
    assert ("melding_id",) not in signals
    assert signals.count(("code",)) == 1
