"""The desk's forms: agent sign-in, file search, mandate."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from benefits.claims.files import normalized_number
from benefits.date_hints import BIRTH_DATE_HINT
from benefits.desk.models import MANDATE_KINDS, Consent, Duration, IdentityCheck
from benefits.desk.nir import NirInvalid, nir_parse


class AgentLoginForm(forms.Form):
    username = forms.CharField(label=_("Identifiant"), max_length=150)
    password = forms.CharField(label=_("Mot de passe"), widget=forms.PasswordInput, max_length=256)
    code = forms.RegexField(
        label=_("Code à usage unique"),
        help_text=_("Les 6 chiffres affichés par votre application d’authentification."),
        regex=r"^\s*\d{3}\s?\d{3}\s*$",
        error_messages={"invalid": _("Saisissez les 6 chiffres du code.")},
        max_length=8,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        self.fields["code"].widget.attrs.update(autocomplete="one-time-code", inputmode="numeric")


class NumberField(forms.CharField):
    """A numéro allocataire as typed ("3", "000 00 03"), cleaned to the 7 digits it is stored with."""

    def clean(self, value):
        typed = super().clean(value)
        if not typed:
            return ""
        number = normalized_number(typed)
        if number is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class NirField(forms.CharField):
    """A numéro de sécurité sociale as typed, cleaned to its 15 characters; each mistake its message."""

    default_error_messages = {
        "length": _(
            "Ajoutez la clé : les 2 derniers chiffres du numéro de sécurité sociale (15 caractères en tout)."
        ),
        "format": _(
            "Le numéro de sécurité sociale compte 13 caractères et une clé de 2 chiffres, "
            "par exemple 2 85 03 75 120 101 48 (2A ou 2B pour la Corse)."
        ),
        "key": _(
            "La clé ne correspond pas à ce numéro de sécurité sociale : vérifiez chaque chiffre, "
            "et les 2 derniers."
        ),
    }

    def clean(self, value):
        typed = super().clean(value)
        if not typed:
            return ""
        try:
            return nir_parse(typed)
        except NirInvalid as invalid:
            raise forms.ValidationError(self.error_messages[invalid.reason], code=invalid.reason) from None


class BirthDateField(forms.DateField):
    """A date as typed at the counter; "32/07/1990" is in the format but is no date: it says so."""

    # The shapes of input_formats below, whatever the numbers: a value of this shape that does not parse
    # is a day or month out of range, not a format mistake.
    SHAPE = re.compile(r"\s*([0-9]{1,2}[/. -][0-9]{1,2}[/. -][0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})\s*")
    default_error_messages = {
        "invalid": _("Saisissez une date au format JJ/MM/AAAA, par exemple 25/03/1990."),
        "nonexistent": _("Cette date n’existe pas : vérifiez le jour et le mois."),
    }

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            if isinstance(value, str) and self.SHAPE.fullmatch(value):
                raise forms.ValidationError(self.error_messages["nonexistent"], code="nonexistent") from None
            raise


class SearchForm(forms.Form):
    number = NumberField(
        label=_("Numéro allocataire"),
        help_text=_("Jusqu’à 7 chiffres, sans les zéros du début si vous voulez : 3 pour 0000003."),
        required=False,
        max_length=32,
        error_messages={"invalid": _("Le numéro allocataire compte au plus 7 chiffres.")},
    )
    nir = NirField(
        label=_("Numéro de sécurité sociale"),
        help_text=_("15 caractères, clé comprise ; les espaces sont permis."),
        required=False,
        max_length=40,
    )
    family_name = forms.CharField(label=_("Nom de naissance"), required=False, max_length=120)
    birth_date = BirthDateField(
        label=_("Date de naissance"),
        help_text=BIRTH_DATE_HINT,
        required=False,
        # What people type besides JJ/MM/AAAA: dots, dashes or spaces between the parts.
        input_formats=["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d %m %Y", "%Y-%m-%d"],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["autocomplete"] = "off"

    def clean(self):
        data = super().clean()
        by_name = data.get("family_name") and data.get("birth_date")
        if not data.get("number") and not data.get("nir") and not by_name and not self.errors:
            raise forms.ValidationError(
                _(
                    "Saisissez un numéro allocataire, un numéro de sécurité sociale, "
                    "ou un nom de naissance et une date de naissance."
                )
            )
        return data


class MandateForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Démarches couvertes"),
        choices=[(kind.value, kind.label) for kind in MANDATE_KINDS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choisissez au moins une démarche.")},
    )
    # Each says what to choose: Django's "Ce champ est obligatoire." told an agent at the counter nothing.
    identity_check = forms.ChoiceField(
        label=_("Identité vérifiée"),
        choices=IdentityCheck.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez comment vous avez vérifié l’identité de la personne.")},
    )
    consent = forms.ChoiceField(
        label=_("Consentement"),
        choices=Consent.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez comment le consentement a été donné.")},
    )
    duration = forms.ChoiceField(
        label=_("Durée"),
        choices=Duration.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez la durée du mandat.")},
    )
    confirmed = forms.BooleanField(
        label=_("La personne a donné son accord pour que je fasse ces démarches pour elle."),
        error_messages={"required": _("Le mandat demande l’accord de la personne.")},
    )
