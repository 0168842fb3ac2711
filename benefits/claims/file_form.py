"""The file's form in /gestion/: members, housing and rights shaped as the portal reads them.

A file saved here is read at once by the NIR index (benefits/campaigns/nir_index.py), the desk and the
person's own space, which read `members` as a list of people each with an id and a role, a NIR of 13
characters or of 15 with its right key, and `housing` and `rights` as an object and a list: anything
else is refused here, with its reason, instead of breaking those pages (or the save itself: a NIR or
an id too long for the index's columns is a server error on PostgreSQL).
"""

from django import forms
from django.utils.translation import gettext as _

from benefits.campaigns.feed import NIR_RE, nir_key_is_valid
from benefits.claims.models import AllocataireFile

ROLES = ("applicant", "partner", "child")
MEMBER_ID_LENGTH = 8  # PersonNir.member


def member_problem(member) -> str | None:
    if not isinstance(member, dict):
        return _("chaque personne doit être un objet JSON ({…})")
    member_id, role, nir = member.get("id"), member.get("role"), member.get("nir")
    if not isinstance(member_id, str) or not 0 < len(member_id) <= MEMBER_ID_LENGTH:
        return _("l’identifiant « id » doit être un texte de 1 à 8 caractères")
    if role not in ROLES:
        return _("le rôle « role » doit être applicant, partner ou child")
    if nir in (None, ""):
        return None
    if not isinstance(nir, str) or not NIR_RE.match(nir):
        return _("le NIR doit avoir 13 caractères, ou 15 avec sa clé (2A ou 2B pour la Corse)")
    if not nir_key_is_valid(nir):
        return _("la clé du NIR est incorrecte")
    return None


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

    def clean_members(self):
        members = self.cleaned_data["members"]
        if not isinstance(members, list):
            raise forms.ValidationError(_("Les membres doivent être une liste JSON ([…]) de personnes."))
        for position, member in enumerate(members, start=1):
            if (problem := member_problem(member)) is not None:
                raise forms.ValidationError(
                    _("Personne n° %(position)d : %(problem)s."),
                    params={"position": position, "problem": problem},
                )
        ids = [member["id"] for member in members]
        if len(set(ids)) != len(ids):
            raise forms.ValidationError(_("Deux personnes ont le même identifiant « id »."))
        nirs = [member["nir"] for member in members if member.get("nir")]
        if len(set(nirs)) != len(nirs):
            raise forms.ValidationError(_("Deux personnes ont le même NIR."))
        return members

    def clean_housing(self):
        housing = self.cleaned_data["housing"]
        if not isinstance(housing, dict):
            raise forms.ValidationError(_("Le logement doit être un objet JSON ({…})."))
        return housing

    def clean_rights(self):
        rights = self.cleaned_data["rights"]
        if rights is None:
            return []
        if not isinstance(rights, list) or not all(isinstance(right, dict) for right in rights):
            raise forms.ValidationError(_("Les droits doivent être une liste JSON ([…]) d’objets ({…})."))
        return rights
