"""Which months of income the rules read for a month M (so a form asks only for those)."""

from benefits.rules.months import month_index, month_label


def required_months(month: str) -> dict:
    """Monthly incomes from January of N-1 to M (housing aid: M-13..M-2; RSA and prime d'activité:
    M-3..M; children's autonomy: six months), and the yearly taxable income of N-2 (family benefits)."""
    index = month_index(month)
    year = index // 12
    return {
        "monthly_from": month_label((year - 1) * 12),
        "monthly_to": month_label(index),
        "yearly": [str(year - 2)],
    }
