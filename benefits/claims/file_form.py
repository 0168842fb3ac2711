"""The file's form in /gestion/. Its members, housing and rights are checked by the model's clean()
(benefits/claims/file_checks.py, the one check every writer of a file goes through): a refusal is shown
in its field, in French, never a server error."""

from django import forms
from django.core.exceptions import ValidationError

from benefits.claims.models import AllocataireFile


class AllocataireFileForm(forms.ModelForm):
    class Meta:
        model = AllocataireFile
        # The holder's account and FranceConnect+ subject are read only (set at the first login).
        fields = [
            "number",
            "family_name",
            "given_names",
            "birth_date",
            "birthplace",
            "members",
            "housing",
            "rights",
        ]

    def add_error(self, field, error):
        """A field whose JSON could not be read keeps the file's previous value (the empty default on
        the add page), which the model's clean() checks too: its messages about that value, which staff
        did not type, are dropped; the field's own error ("Saisissez un JSON valide.") stays."""
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            kept = {name: errors for name, errors in error.error_dict.items() if name not in self.errors}
            if not kept:
                return
            error = ValidationError(kept)
        super().add_error(field, error)
