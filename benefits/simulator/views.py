"""The questionnaire, one short page per topic, then check your answers and the explained result.

Each view parses its forms, stores the answers server-side (state.SimulationState) and redirects to
the next step — or back to the check-your-answers page when the person came from a "Modifier" link.
"""

import re

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from benefits.rules import HouseholdInputError
from benefits.rules.communes import commune_name
from benefits.simulator import communes, forms, presenters, services
from benefits.simulator.formatting import day, month_name
from benefits.simulator.household_builder import history_months, recent_months, taxable_year
from benefits.simulator.state import SimulationState
from benefits.simulator.steps import current_month, next_url, state_for, step_context
from portal.posted import posted

REMOVE_CHILD = re.compile(r"remove_child_[0-9]{1,3}")


@login_not_required
def start(request):
    return render(request, "benefits/simulator/start.html", {"month": month_name(current_month())})


@login_not_required
def household(request):
    state = state_for(request)
    answers = state.answers
    initial = {"couple": "oui" if answers.get("couple") else ("non" if "couple" in answers else None)}
    initial["children"] = len(answers.get("children", [])) if "couple" in answers else 0
    form = forms.HouseholdForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        count = form.cleaned_data["children"]
        children = (answers.get("children") or [])[:count]
        children += [{"birth_date": ""}] * (count - len(children))
        state.update(couple=form.cleaned_data["couple"] == "oui", children=children)
        if not state.answers["couple"]:
            state.answers.pop("partner", None)
        return redirect(next_url(request, "simulator:persons"))
    return render(
        request,
        "benefits/simulator/household.html",
        step_context(request, state, "household", [form], form=form),
    )


def person_initial(person: dict | None) -> dict:
    """Stored answers back into the form, dates written as the person typed them (JJ/MM/AAAA)."""
    person = person or {}
    dates = {key: day(person.get(key) or "") or None for key in ("birth_date", "unemployed_since")}
    return dict(person, **dates)


def typed_values(post, prefix: str, form_class) -> dict:
    """What was typed in a form, kept as it is (valid or not), to redisplay it."""
    return {
        name: post.get(f"{prefix}-{name}")
        for name in form_class.base_fields
        if post.get(f"{prefix}-{name}") is not None
    }


def change_children(request, state) -> int | None:
    """Adds or removes a child row, keeping everything typed on the page (JavaScript or not).
    Returns the number of a row just added, where focus goes after an htmx swap."""
    post = request.POST
    children = [
        {"birth_date": post.get(f"enfant{i + 1}-birth_date", "")}
        for i in range(len(state.answers.get("children", [])))
    ]
    action = post.get("action", "")
    added = None
    if action == "add_child" and len(children) < forms.MAX_CHILDREN:
        children.append({"birth_date": ""})
        added = len(children)
    elif REMOVE_CHILD.fullmatch(action):
        # At most three ASCII digits: "remove_child_" followed by 5,000 digits (or "²", which
        # str.isdigit accepts) must not reach int().
        index = int(action.removeprefix("remove_child_")) - 1
        if 0 <= index < len(children):
            children.pop(index)
    state.update(children=children)
    if post.get("isolement-since") is not None:
        state.update(typed_single_parent=post["isolement-since"])
    for prefix, role in (("demandeur", "applicant"), ("conjoint", "partner")):
        typed = typed_values(post, prefix, forms.PersonForm)
        if typed:
            state.update(**{f"typed_{role}": typed})
    return added


@login_not_required
def persons(request):
    state = state_for(request)
    answers = state.answers
    if "couple" not in answers:
        return redirect("simulator:household")
    focus_child = None
    if request.method == "POST" and request.POST.get("action"):
        focus_child = change_children(request, state)
        data = None
    else:
        data = posted(request)
    applicant_initial = answers.get("typed_applicant") or person_initial(answers.get("applicant"))
    partner_initial = answers.get("typed_partner") or person_initial(answers.get("partner"))
    applicant = forms.PersonForm(data, prefix="demandeur", initial=applicant_initial)
    partner = (
        forms.PersonForm(data, prefix="conjoint", initial=partner_initial) if answers.get("couple") else None
    )
    children = [
        forms.ChildForm(
            data, prefix=f"enfant{i + 1}", initial={"birth_date": day(child.get("birth_date") or "") or None}
        )
        for i, child in enumerate(answers.get("children", []))
    ]
    single_parent = None
    if not answers.get("couple") and children:
        since = answers.get("typed_single_parent") or presenters.month_typed(
            answers.get("single_parent_since")
        )
        single_parent = forms.SingleParentForm(
            data,
            prefix="isolement",
            initial={"since": since, "maintenance": answers.get("other_parent_maintenance")},
        )
    all_forms = [f for f in [applicant, partner, *children, single_parent] if f is not None]
    if (
        data is not None
        and all(f.is_valid() for f in all_forms)
        and presenters.check_ages(applicant, partner, children)
    ):
        state.update(
            applicant=presenters.person_answers(applicant),
            partner=presenters.person_answers(partner) if partner else None,
            children=[{"birth_date": f.cleaned_data["birth_date"].isoformat()} for f in children],
            single_parent_since=single_parent.cleaned_data["since"] if single_parent else "",
            other_parent_maintenance=single_parent.cleaned_data["maintenance"] if single_parent else "",
            typed_applicant=None,
            typed_partner=None,
            typed_single_parent=None,
        )
        return redirect(next_url(request, "simulator:family"))
    context = step_context(
        request,
        state,
        "persons",
        all_forms,
        applicant=applicant,
        partner=partner,
        children=children,
        single_parent=single_parent,
        focus_child=focus_child,
    )
    template = (
        "benefits/simulator/persons.html#children" if request.htmx else "benefits/simulator/persons.html"
    )
    return render(request, template, context)


COMMUNE_TYPED = forms.HousingForm.base_fields["commune"].max_length


@login_not_required
def housing(request):
    """Also answers the commune suggestions: GET ?commune=… refreshes the datalist (htmx) or the page."""
    state = state_for(request)
    initial = dict(state.answers.get("housing") or {})
    if initial.get("commune"):
        initial["commune"] = communes.commune_label(initial["commune"], commune_name(initial["commune"]))
    # What was typed, cut to the field's length: the suggestions scan every commune for it.
    typed = request.GET.get("commune", "")[:COMMUNE_TYPED]
    if typed:
        initial["commune"] = typed
    form = forms.HousingForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        state.update(
            housing={
                "status": data["status"],
                "rent": "" if data.get("rent") is None else str(data["rent"]),
                "commune": data.get("commune_code", ""),
                "commune_label": data.get("commune", ""),
                "zone": data.get("zone", ""),
            }
        )
        return redirect(next_url(request, "simulator:incomes"))
    query = request.POST.get("commune", "")[:COMMUNE_TYPED] or typed
    context = step_context(
        request,
        state,
        "housing",
        [form],
        form=form,
        communes=communes.commune_suggestions(query),
        commune_choices=communes.commune_choices(query) if request.method == "POST" else [],
    )
    template = (
        "benefits/simulator/housing.html#communes" if request.htmx else "benefits/simulator/housing.html"
    )
    return render(request, template, context)


@login_not_required
def incomes(request):
    state = state_for(request)
    answers = state.answers
    if "couple" not in answers:
        return redirect("simulator:household")
    months = recent_months(state.month)
    saved = answers.get("incomes", {})
    roles = ["applicant", "partner"] if answers.get("couple") else ["applicant"]
    income_forms = {
        role: forms.IncomeForm(
            posted(request),
            prefix={"applicant": "demandeur", "partner": "conjoint"}[role],
            recent_months=months,
            since=month_name(history_months(state.month)[0]),
            taxable_year=taxable_year(state.month),
            initial=presenters.income_initial(saved.get(role), months),
        )
        for role in roles
    }
    # Only what the rules need for this household: no invalidity pension without a disability, no
    # alimony question for a couple or without children, no N-2 income (read by family benefits, the
    # PAJE of an expected child included — its ceilings, CSS R531-1 —, and by the AAH of a person out
    # of work) when none applies, and that income asked once.
    needs_n2 = (
        bool(answers.get("children"))
        or bool((answers.get("family") or {}).get("due_date"))
        or any((answers.get(role) or {}).get("disability", "none") != "none" for role in roles)
    )
    for role, form in income_forms.items():
        if (answers.get(role) or {}).get("disability", "none") == "none":
            del form.fields["invalidity"]
        if (
            answers.get("couple")
            or not answers.get("children")
            or answers.get("other_parent_maintenance") == "non"
        ):
            del form.fields["alimony"]
        elif answers.get("other_parent_maintenance") == "oui":
            form.require_alimony()  # "the other parent pays" needs the amount, for the differential ASF
        if role == "partner" or not needs_n2:
            del form.fields["taxable_n2"]
    if request.method == "POST" and all(f.is_valid() for f in income_forms.values()):
        state.update(incomes={role: f.answers() for role, f in income_forms.items()})
        return redirect("simulator:check")
    context = step_context(
        request, state, "incomes", list(income_forms.values()), income_forms=income_forms, months=months
    )
    return render(request, "benefits/simulator/incomes.html", context)


@login_not_required
def check(request):
    state = state_for(request)
    if not presenters.is_complete(state.answers):
        return redirect(presenters.first_missing_step(state.answers))
    errors = []
    if request.method == "POST":
        try:
            simulation = services.simulation_save(answers=state.answers, month=state.month)
        except HouseholdInputError as error:
            errors = error.errors
        else:
            return redirect("simulator:result", token=simulation.token)
    context = step_context(
        request, state, "check", summary=presenters.summary(state.answers, state.month), errors=errors
    )
    return render(request, "benefits/simulator/check.html", context)


@require_POST
@login_not_required
def restart(request):
    SimulationState(request.session).reset()
    return redirect("simulator:household")


restart.not_a_page = True
# These steps need the answers of the previous ones: the site walk cannot reach them on its own; the
# journey tests (tests/benefits/simulator, tests/browser) check their invariants instead.
for view in (persons, incomes, check):
    view.needs_previous_steps = True
