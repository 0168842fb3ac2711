"""portal.pg_copy.fetch_prepared: the rows Django's cursor gives, from a statement the server prepared once."""

import pytest
from django.db import DatabaseError, connection

from portal.pg_copy import fetch_prepared

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements"),
]

SPLIT = "SELECT x, length(x) FROM unnest(string_to_array(%s, ',')) AS x ORDER BY x"


def test_the_rows_are_those_of_a_django_cursor_and_the_statement_is_prepared_once():
    with connection.cursor() as cursor:
        cursor.execute(SPLIT, ["b,a,ccc"])
        expected = cursor.fetchall()
    assert expected == [("a", 1), ("b", 1), ("ccc", 3)]
    for _ in range(3):
        assert fetch_prepared(SPLIT, ["b,a,ccc"]) == expected
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%unnest(string_to_array($1%"],
        )
        assert cursor.fetchone() == (1,)  # one statement of this session, whatever the calls
    assert fetch_prepared(SPLIT, ["z"]) == [("z", 1)]  # other values, the same statement


def test_an_error_is_djangos():
    with pytest.raises(DatabaseError):
        fetch_prepared("SELECT * FROM no_such_table WHERE x = %s", ["a"])
