"""The income feed's table carries no index that another makes redundant: the NIR's own index (and its
`varchar_pattern_ops` twin) duplicated the first column of income_record_unique (nir, month, payer,
kind), which every read by NIR uses (EXPLAIN in docs/campaigns.md), and cost every import's writes."""

import pytest
from django.apps import apps
from django.db import connection

from benefits.campaigns.feed_models import IncomeRecord

pytestmark = pytest.mark.django_db

# A plain index whose columns (and operator classes) begin another index of the same table serves no
# query that the other does not: PostgreSQL reads the longer one by its leading columns.
REDUNDANT = """
WITH idx AS (
    SELECT c.relname AS tbl, i.relname AS name, x.indisunique AS is_unique,
           string_to_array(x.indkey::text, ' ')::int[] AS cols,
           string_to_array(x.indclass::text, ' ')::oid[] AS classes,
           x.indpred IS NOT NULL OR x.indexprs IS NOT NULL AS special
    FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
    WHERE c.relname = ANY(%s)
)
SELECT a.tbl, a.name, b.name FROM idx a JOIN idx b ON a.tbl = b.tbl AND a.name <> b.name
WHERE NOT a.is_unique AND NOT a.special AND NOT b.special
  AND array_length(a.cols, 1) <= array_length(b.cols, 1)
  AND a.cols = b.cols[1:array_length(a.cols, 1)] AND a.classes = b.classes[1:array_length(a.cols, 1)]
ORDER BY 1, 2, 3
"""


def test_the_feed_table_has_no_redundant_index():
    # Under CI=true a skip is a failure (tests/environment.py), and the database is PostgreSQL.
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's catalogue (CI)")
    with connection.cursor() as cursor:
        cursor.execute(REDUNDANT, [[IncomeRecord._meta.db_table]])
        assert cursor.fetchall() == []
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [IncomeRecord._meta.db_table])
        names = {row[0] for row in cursor.fetchall()}
    assert "income_record_unique" in names
    assert not [name for name in names if name.startswith("benefits_incomerecord_nir")]


def project_tables() -> list[str]:
    """The tables of the project's own models (benefits/ and portal/); the many-to-many tables Django
    makes for auth's groups and permissions (user_id, then a unique (user_id, group_id)) are Django's."""
    return sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model.__module__.startswith(("benefits.", "portal.")) and not model._meta.auto_created
    )


def test_no_table_of_the_project_has_a_redundant_index():
    """campaignchunk.campaign_id (begins chunk_unique_start and the (campaign, status) index) and
    paymentorder.campaign_id (begins payment_order_unique) were the last (migration 0016)."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's catalogue (CI)")
    tables = project_tables()
    assert {"benefits_campaignchunk", "benefits_paymentorder", "benefits_campaignresult"} <= set(tables)
    with connection.cursor() as cursor:
        cursor.execute(REDUNDANT, [tables])
        assert cursor.fetchall() == []
