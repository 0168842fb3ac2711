"""The "Votre famille" step (family_step.py says which questions a household sees and why)."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render

from benefits.simulator import family_step
from benefits.simulator.formatting import day
from benefits.simulator.steps import next_url, state_for, step_context
from portal.posted import posted


def build_forms(data, answers: dict, month: str) -> dict:
    saved = answers.get("family") or {}
    pregnancy = None
    if family_step.asks_pregnancy(answers, month):
        initial = {
            "expecting": "oui" if saved.get("due_date") else "non",
            "due_date": day(saved.get("due_date") or "") or None,
        }
        pregnancy = family_step.PregnancyForm(data, prefix="grossesse", month=month, initial=initial)
    children = {
        number: family_step.ChildDisabilityForm(
            data, prefix=f"enfant{number}", initial=(saved.get("children") or {}).get(str(number)) or {}
        )
        for number in family_step.aeeh_children(answers, month)
    }
    childcare = None
    if family_step.asks_childcare(answers, month):
        childcare = family_step.ChildcareForm(data, prefix="garde", initial=saved.get("childcare") or {})
    return {"pregnancy": pregnancy, "children": children, "childcare": childcare}


def family_answers(shown: dict) -> dict:
    out = {"due_date": "", "children": {}, "childcare": {}}
    if shown["pregnancy"] is not None:
        due = shown["pregnancy"].cleaned_data.get("due_date")
        out["due_date"] = due.isoformat() if due else ""
    for number, form in shown["children"].items():
        out["children"][str(number)] = {
            "disability": form.cleaned_data["disability"],
            "category": form.cleaned_data.get("category") or "",
        }
    if shown["childcare"] is not None:
        data = shown["childcare"].cleaned_data
        out["childcare"] = {
            "mode": data["mode"],
            "cost": "" if data.get("cost") is None else str(data["cost"]),
            "hours": "" if data.get("hours") is None else str(data["hours"]),
        }
    return out


@login_not_required
def family(request):
    state = state_for(request)
    answers = state.answers
    if "applicant" not in answers:
        return redirect("simulator:persons")
    if not family_step.applies(answers, state.month):
        state.update(family={})
        return redirect(next_url(request, "simulator:housing"))
    shown = build_forms(posted(request), answers, state.month)
    all_forms = [
        f for f in (shown["pregnancy"], *shown["children"].values(), shown["childcare"]) if f is not None
    ]
    if request.method == "POST" and all(f.is_valid() for f in all_forms):
        state.update(family=family_answers(shown))
        return redirect(next_url(request, "simulator:housing"))
    context = step_context(
        request,
        state,
        "family",
        all_forms,
        pregnancy=shown["pregnancy"],
        child_forms=sorted(shown["children"].items()),
        childcare=shown["childcare"],
    )
    return render(request, "benefits/simulator/family.html", context)


family.needs_previous_steps = True
