"""Which months of income the rules read for a month M (so a form asks only for those)."""

from benefits.rules.months import month_index, month_label

# The earliest month the rules read, counted back from M: the prime d'activité of M is the average of
# three "fictive" primes of M-3..M-1 (CSS R843-1 s., benefits/rules/prime_activite.py), each with that
# month's housing aid (its forfait logement), whose resources are
# the twelve months ending two months before (CCH R822-3: M-k-13..M-k-2), so M-16.
EARLIEST_MONTH_BACK = 16


def required_months(month: str) -> dict:
    """Monthly incomes from January of N-1, or M-16 when earlier (January to April), to M (housing aid:
    M-13..M-2, for the prime d'activité's three months back too; RSA and prime d'activité: M-3..M;
    alimony: the calendar year N-1; children's autonomy: six months), and the yearly taxable income of
    N-2 (family benefits)."""
    index = month_index(month)
    year = index // 12
    return {
        "monthly_from": month_label(min((year - 1) * 12, index - EARLIEST_MONTH_BACK)),
        "monthly_to": month_label(index),
        "yearly": [str(year - 2)],
    }
