"""The benefits beyond the eight of the neutral format, computed only when asked (`extra=True`).

They are kept out of the default output so that every existing output stays byte-identical: the
CLI's `--extra`, `compute_batch(..., extra=True)` and `compute(..., extra=True)` add them under
"extra" (amounts) and "extra_explanation" (with `explain`), as the oracle's `--extra` does.
They are computed after the eight, in this order, and reuse what those memoised (housing aid, AAH).
"""

from benefits.rules.aeeh import allocation_education_enfant_handicape
from benefits.rules.aspa import allocation_solidarite_personnes_agees
from benefits.rules.cmg import complement_mode_garde
from benefits.rules.mva import majoration_vie_autonome
from benefits.rules.paje_allocation import allocation_base
from benefits.rules.paje_prime import prime

EXTRA_CALCULATORS = {
    "paje_base": allocation_base,
    "paje_naissance": prime,
    "cmg": complement_mode_garde,
    "aeeh": allocation_education_enfant_handicape,
    "mva": majoration_vie_autonome,
    "aspa": allocation_solidarite_personnes_agees,
}
EXTRA_BENEFITS = tuple(EXTRA_CALCULATORS)
# The ones OpenFisca-France computes too (oracle.py --extra): the differential fixtures compare them.
ORACLE_EXTRAS = ("paje_base", "paje_naissance", "mva", "aspa")
