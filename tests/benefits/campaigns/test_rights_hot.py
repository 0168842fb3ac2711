"""A recalculation's new rights are updated in place (HOT: a heap-only tuple on the same page, no entry
in the allocataire files' six indexes): the table's pages are filled to 60 % (migration 0022), which
leaves room on a page for the new versions of half of its files, what a recalculation chunk updates."""

import pytest
from django.db import connection, transaction

from benefits.campaigns.chunks import rights_update
from benefits.claims.models import AllocataireFile

pytestmark = pytest.mark.django_db(transaction=True)

TABLE = AllocataireFile._meta.db_table


def updated_in_this_transaction() -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_stat_get_xact_tuples_updated(%s::regclass), pg_stat_get_xact_tuples_hot_updated(%s::regclass)",
            [TABLE, TABLE],
        )
        return cursor.fetchone()


def test_the_files_pages_are_filled_to_60_percent():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's storage parameters (CI)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [TABLE])
        assert cursor.fetchone()[0] == ["fillfactor=60"]


def test_new_rights_for_half_of_the_files_are_all_updated_in_place(demo_file):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's heap-only tuples (CI)")
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM FULL {TABLE}")  # the pages as a table written at this fill factor
    files = list(AllocataireFile.objects.order_by("pk").values_list("pk", "rights"))
    assert len(files) == 60
    # every other file, as a recalculation's notified files spread over a chunk: a new amount for a
    # right held, or a first right
    new = {
        pk: [{"benefit": "ppa", "amount": "212.34"}, {"benefit": "aide_logement", "amount": "187.65"}]
        for pk, _rights in files[::2]
    }
    with transaction.atomic():
        before = updated_in_this_transaction()
        rights_update(new)
        updated, hot = (
            after - start for after, start in zip(updated_in_this_transaction(), before, strict=True)
        )
    assert updated == len(new) == 30
    assert hot == updated
    assert dict(AllocataireFile.objects.filter(pk__in=new).values_list("pk", "rights")) == new
