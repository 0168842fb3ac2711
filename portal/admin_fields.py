"""What staff type in /gestion/ is refused with a French message, never a server error.

Django's JSON form field lets through what `json.loads` raises besides JSONDecodeError (a number of
more than 4 300 digits: ValueError; "[[[[…" nested a thousand deep: RecursionError), and accepts what
PostgreSQL then refuses to store (NUL in a string, "\\u0000"; NaN and 1e999, written back as NaN and
Infinity, which are not JSON): each was a 500 on saving a form. And a list of choices (a group's
permissions) with a key of 20 digits made SQLite raise OverflowError. Every admin's JSON and
many-to-many fields use the fields below (`admin_fields_guard`, called once the admin modules are
loaded: portal/apps.py). A JSON field left empty saved NULL in a NOT NULL column: its default instead.
"""

import math

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.fields import InvalidJSONInput
from django.utils.translation import gettext_lazy as _


def json_problem(value) -> str | None:
    """What the parsed value holds that no database stores as JSON, or None."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, str) and "\x00" in item:
            return _("Le JSON ne peut pas contenir de caractère nul (\\u0000).")
        elif isinstance(item, float) and not math.isfinite(item):
            return _("Le JSON ne peut contenir que des nombres finis (ni NaN ni Infinity).")
    return None


class JSONInput(forms.JSONField):
    default_error_messages = {"invalid": _("Saisissez un JSON valide.")}

    # What an empty box saves: None (SQL NULL) unless the model's column is NOT NULL (set below).
    empty_json = None

    def to_python(self, value):
        if not self.disabled and value in self.empty_values:
            return self.empty_json
        try:
            return super().to_python(value)
        except (ValueError, RecursionError) as error:  # JSONDecodeError is caught by Django's field
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error

    def bound_data(self, data, initial):
        try:
            return super().bound_data(data, initial)
        except (ValueError, RecursionError):
            return InvalidJSONInput(data)

    def validate(self, value):
        super().validate(value)
        if (problem := json_problem(value)) is not None:
            raise ValidationError(problem, code="invalid")


BIGINT_MAX = 2**63 - 1


class BoundedChoices(forms.ModelMultipleChoiceField):
    default_error_messages = {"out_of_range": _("Une des valeurs choisies n’existe pas.")}

    def _check_values(self, value):
        # A key beyond 64 bits is no choice: SQLite raises OverflowError on it, PostgreSQL answers
        # nothing; refused here first, with the same message on both. What is no integer at all ("²")
        # is left to Django's own check, which refuses it.
        for key in value if isinstance(value, (list, tuple)) else ():
            try:
                number = int(key)
            except (TypeError, ValueError):
                continue
            if abs(number) > BIGINT_MAX:
                raise ValidationError(self.error_messages["out_of_range"], code="out_of_range")
        return super()._check_values(value)


FORM_CLASSES = {models.JSONField: JSONInput, models.ManyToManyField: BoundedChoices}


def admin_fields_guard(site) -> None:
    """Every model admin of `site` edits its JSON and many-to-many fields with the fields above (their
    own widgets kept)."""
    for model_admin in site._registry.values():
        for field_class, form_class in FORM_CLASSES.items():
            model_admin.formfield_overrides.setdefault(field_class, {})["form_class"] = form_class
        model_admin.formfield_for_dbfield = empty_json_defaulted(model_admin.formfield_for_dbfield)


def empty_json_defaulted(formfield_for_dbfield):
    """A JSON field left empty saves its model field's default ({} or []) where the column is NOT NULL
    (allauth's SocialApp.settings, blank but not null: an IntegrityError on PostgreSQL)."""

    def wrapped(db_field, request, **kwargs):
        formfield = formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(formfield, JSONInput) and not db_field.null and db_field.has_default():
            formfield.empty_json = db_field.get_default()
        return formfield

    return wrapped
