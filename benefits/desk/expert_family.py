"""The "Votre famille" questions on the expert page (benefits/simulator/family_step.py's own forms).

The simulator asks them on a page of their own, only when they apply; one page cannot know that before
the household is typed, so the expert page asks them of every household, with the answer a person
skips (no birth expected, no disability, no childcare) filled in when the field is left alone.
"""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from benefits.simulator import family_step
from benefits.simulator.family_views import family_answers

# What the simulator's forms start from: the answer to a question left alone.
DEFAULTS = {"grossesse-expecting": "non", "garde-mode": "none"}


def with_defaults(data, child_rows: int):
    if not data:
        return data
    data = data.copy()
    for name, value in {
        **DEFAULTS,
        **{f"handicap{n}-disability": "none" for n in range(1, child_rows + 1)},
    }.items():
        if not data.get(name):
            data[name] = value
    return data


def as_select(form, name: str) -> None:
    """A drop-down rather than radio buttons: six children's questions would fill a screen each."""
    form.fields[name].widget = forms.Select(choices=form.fields[name].choices)


class ExpertFamily:
    def __init__(self, data, month: str, child_rows: int):
        self.pregnancy = family_step.PregnancyForm(data, prefix="grossesse", month=month)
        self.disabilities = []
        for number in range(1, child_rows + 1):
            form = family_step.ChildDisabilityForm(data, prefix=f"handicap{number}")
            as_select(form, "disability")
            form.fields["disability"].label = format_lazy(
                _("Enfant {number} : handicap reconnu par la CDAPH"), number=number
            )
            form.fields["category"].label = format_lazy(
                _("Enfant {number} : complément d’AEEH"), number=number
            )
            form.fields["category"].help_text = ""
            self.disabilities.append(form)
        self.childcare = family_step.ChildcareForm(data, prefix="garde")
        as_select(self.childcare, "mode")
        for form in (self.pregnancy, self.childcare, *self.disabilities):
            form.section = _("Famille")

    def is_open(self) -> bool:
        """The section is shown open once something in it differs from the defaults, or is wrong."""
        forms_ = (self.pregnancy, self.childcare, *self.disabilities)
        return any(f.is_bound and (f.errors or f.has_changed()) for f in forms_)

    def checked_forms(self, filled_rows: list[int]) -> list:
        return [self.pregnancy, self.childcare, *(self.disabilities[row - 1] for row in filled_rows)]

    def answers(self, filled_rows: list[int]) -> dict:
        """The simulator's "family" answers; the children numbered as the household's (rows filled only)."""
        shown = {
            "pregnancy": self.pregnancy,
            "children": {n: self.disabilities[row - 1] for n, row in enumerate(filled_rows, start=1)},
            "childcare": self.childcare,
        }
        return family_answers(shown)
