"""Agents of the CAF (their office) and the mandates under which they act for a person."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from benefits.claims.models import AllocataireFile, Kind


class DeskAgent(models.Model):
    """What the portal knows of a staff member beyond Django's user: the office they work at."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk_agent")
    office = models.CharField(_("accueil de la CAF"), max_length=80)

    class Meta:
        verbose_name = _("agent")
        verbose_name_plural = _("agents")
        permissions = [
            ("consult_file", gettext_noop("Rechercher et consulter un dossier (vue 360°)")),
            ("act_for_person", gettext_noop("Enregistrer un mandat et saisir pour la personne")),
            ("supervise_desk", gettext_noop("Superviser l’accueil (journal des agents)")),
        ]

    def __str__(self):
        return f"{self.user} ({self.office})"


class IdentityCheck(models.TextChoices):
    COUNTER = "guichet", _("Au guichet, sur pièce d’identité")
    PHONE = "telephone", _("Par téléphone, par questions sur le dossier")


class Consent(models.TextChoices):
    ORAL_COUNTER = "oral_guichet", _("Accord oral de la personne présente au guichet")
    ORAL_PHONE = "oral_telephone", _("Accord oral de la personne au téléphone")
    SIGNED = "signe", _("Formulaire de consentement signé")


class Duration(models.TextChoices):
    VISIT = "visite", _("Le temps de cette visite (2 heures)")
    DAY = "journee", _("Jusqu’à la fin de la journée")


# Kinds of procedure a mandate may cover: the quarterly declaration and the claims the desk files.
MANDATE_KINDS = [Kind.DECLARATION, Kind.PPA, Kind.RSA]


class MandateQuerySet(models.QuerySet):
    def valid(self, now=None):
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class Mandate(models.Model):
    """A person lets an agent act for them, on one file, for some procedures, for a short time.

    Like Aidants Connect's mandat: who, what, how long and how consent was given; a SHA-256 of those
    facts goes into the journal when it is recorded, so the facts can later be shown not to have changed.
    """

    file = models.ForeignKey(AllocataireFile, on_delete=models.PROTECT, related_name="mandates")
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mandates_given"
    )
    office = models.CharField(max_length=80)
    kinds = models.JSONField(help_text="The procedures covered (claim kinds)")
    identity_check = models.CharField(max_length=16, choices=IdentityCheck.choices)
    consent = models.CharField(max_length=16, choices=Consent.choices)
    duration = models.CharField(max_length=8, choices=Duration.choices)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.CharField(max_length=16, blank=True, help_text="person or agent")
    facts_hash = models.CharField(max_length=64)

    objects = MandateQuerySet.as_manager()

    class Meta:
        verbose_name = _("mandat")
        verbose_name_plural = _("mandats")
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("Mandat %(pk)s dossier %(file)s") % {"pk": self.pk, "file": self.file_id}

    def is_valid(self, now=None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())

    def covers(self, kind: str) -> bool:
        return kind in self.kinds

    def helper_description(self) -> dict:
        """Who helped, as the receipt of a claim filed under this mandate says it."""
        name = self.agent.get_full_name() or self.agent.get_username()
        return {"name": name, "organisation": f"CAF de {self.office}"}

    def kind_labels(self) -> list[str]:
        return [Kind(kind).label for kind in self.kinds]
