"""The recalculation letter's changed incomes: the chunk's one read (notify.changed_incomes_by_nir)."""

from decimal import Decimal

import pytest

from benefits.campaigns.feed_import import income_feed_import
from benefits.campaigns.notify import changed_incomes, changed_incomes_by_nir

pytestmark = pytest.mark.django_db
NIR = "285037512010148"  # a valid key: 97 - 2850375120101 % 97 = 48
OTHER = "185037500000214"  # a valid key too: 97 - 1850375000002 % 97 = 14
HEADER = "nir,month,payer,kind,amount\n"


def test_only_the_corrected_lines_of_the_quarter_of_the_chunks_nirs_come_back():
    income_feed_import(
        data=(
            HEADER
            + f"{NIR},2026-10,Mairie,salary,1432.67\n{NIR},2026-08,Mairie,salary,1000\n"
            + f"{OTHER},2026-10,Mairie,salary,900\n"
        ).encode(),
        name="a.csv",
    )
    income_feed_import(
        data=(
            HEADER
            + f"{NIR},2026-10,Mairie,salary,1400.00\n{NIR},2026-08,Mairie,salary,1100\n"
            + f"{OTHER},2026-10,Mairie,salary,950\n"
        ).encode(),
        name="b.csv",
    )
    assert len(changed_incomes_by_nir({NIR, OTHER}, "2026-12")[OTHER]) == 1  # OTHER's correction is there
    # OTHER's line was corrected too, but OTHER is not one of the chunk's NIRs; 2026-08 is not in the
    # quarter of 2026-12 (09, 10, 11). A NIR that is not in the feed brings nothing.
    found = changed_incomes_by_nir({NIR, "999999999999999"}, "2026-12")
    assert list(found) == [NIR]
    ((nir, month, payer, kind, previous, amount),) = found[NIR]
    assert (nir, month, payer, kind) == (NIR, "2026-10", "Mairie", "salary")
    assert (Decimal(previous), Decimal(amount)) == (Decimal("1432.67"), Decimal("1400.00"))
    file_row = {
        "members": [
            {"role": "applicant", "nir": NIR, "given_names": "Camille", "family_name": "MARTIN"},
            {"role": "child", "nir": OTHER, "given_names": "Léa", "family_name": "MARTIN"},
        ]
    }
    assert changed_incomes(file_row, found) == [
        {
            "person": "Camille MARTIN",
            "month": "2026-10",
            "label": {"fr": "Salaire (montant net social)", "en": "Salary (net social amount)"},
            "old": "1432.67",
            "new": "1400.00",
        }
    ]
    assert changed_incomes_by_nir(set(), "2026-12") == {}
