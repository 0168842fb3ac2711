"""The expert fast entry page (/agent/saisie-rapide/): staff + second factor, writes nothing.

Without JavaScript it is a plain POST that re-renders the page with the result above the form (the
form's action ends in #saisie). With htmx, a valid household swaps only the result region (announced
by its aria-live, focus on its heading); a household with errors swaps the whole entry (form and error
summary), so each message sits next to its field. The month is chosen first, in the query string
(`?mois=2026-09`): the incomes are asked month by month, so their fields depend on it.
"""

from django.shortcuts import render
from django_htmx.http import reswap, retarget

from benefits.desk.access import agent_required
from benefits.desk.expert import CHILD_ROWS, ExpertEntry
from benefits.rules import SUPPORTED_MONTHS
from benefits.simulator.formatting import month_name
from benefits.simulator.steps import current_month

TEMPLATE = "benefits/desk/expert.html"
# A file is looked at over the past year (a claim back-dated, a declaration late), rarely ahead.
MONTHS_BACK, MONTHS_AHEAD = 12, 3


def month_choices() -> list[str]:
    current = current_month()
    before = [m for m in SUPPORTED_MONTHS if m <= current][-(MONTHS_BACK + 1) :]
    return before + [m for m in SUPPORTED_MONTHS if m > current][:MONTHS_AHEAD]


@agent_required()
def expert_entry(request):
    months = month_choices()
    month = request.GET.get("mois") if request.GET.get("mois") in months else current_month()
    entry = ExpertEntry(request.POST if request.method == "POST" else None, month)
    result = entry.compute() if request.method == "POST" and entry.is_valid() else None
    forms_with_errors = entry.with_errors() if request.method == "POST" else []
    context = {
        "entry": entry,
        "result": result,
        "compute_errors": entry.compute_errors,
        "forms_with_errors": forms_with_errors,
        "has_errors": bool(forms_with_errors),
        "month": month,
        "month_name": month_name(month),
        "months": [(m, month_name(m)) for m in months],
        "child_rows": CHILD_ROWS,
    }
    if not request.htmx:
        return render(request, TEMPLATE, context)
    if forms_with_errors:
        return reswap(retarget(render(request, f"{TEMPLATE}#entry", context), "#saisie"), "outerHTML")
    return render(request, f"{TEMPLATE}#result", context)
