"""The file's form in /gestion/. Its members, housing and rights are checked by the model's clean()
(benefits/claims/file_checks.py, the one check every writer of a file goes through): a refusal is shown
in its field, in French, never a server error."""

from django import forms

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
