"""The allocataire file, claim drafts, filed claims and their status history."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.models import Channel


class AllocataireFile(models.Model):
    """A household known to the CAF: its members (with their NIR), its home and its current rights.

    `members` holds one dict per person: id ("a", "b", "c1"...), role (applicant/partner/child), given
    names, family name, birth date, and for adults the NIR the income data service is asked with.
    """

    number = models.CharField(_("numéro allocataire"), max_length=16, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte de la personne"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="allocataire_file",
    )
    # The FranceConnect+ subject of the file holder, once known (set by the demo data or at first login).
    fcplus_sub = models.CharField(
        _("identifiant FranceConnect+ (sub)"), max_length=128, unique=True, null=True, blank=True
    )
    # The holder's pivot identity, used only to find the file at the first login (see files.py).
    family_name = models.CharField(_("nom de naissance"), max_length=120)
    given_names = models.CharField(_("prénoms"), max_length=200)
    birth_date = models.DateField(_("date de naissance"))
    birthplace = models.CharField(_("commune de naissance (code INSEE)"), max_length=5, blank=True)
    members = models.JSONField(_("membres du foyer"), default=list)
    housing = models.JSONField(_("logement"), default=dict)
    rights = models.JSONField(
        _("droits en cours"),
        default=list,
        blank=True,
        help_text=_("Un élément par droit : {benefit, amount}"),
    )

    class Meta:
        verbose_name = _("dossier allocataire")
        verbose_name_plural = _("dossiers allocataires")
        # The desk's search by name and birth date reads the files born that day (the name is compared
        # once normalised, in Python): without it, every such search read the whole table.
        indexes = [models.Index(fields=["birth_date"], name="file_birth_date_idx")]

    def __str__(self):
        return gettext("Dossier %(number)s") % {"number": self.number}

    def clean(self):
        """The file's members, housing and rights, and its holder being its applicant, as every writer
        checks them (file_checks.py): the /gestion/ form shows what is wrong in each field."""
        from benefits.claims.file_checks import file_check  # it reads the campaigns' households
        from benefits.claims.file_holder import holder_identity

        if self.rights is None:  # an empty box in the form
            self.rights = []
        file_check(
            members=self.members, housing=self.housing, rights=self.rights, holder=holder_identity(self)
        )

    @property
    def adults(self) -> list[dict]:
        return [m for m in self.members if m["role"] in ("applicant", "partner")]

    @property
    def adult_ids(self) -> list[str]:
        return [m["id"] for m in self.adults]

    @property
    def children(self) -> list[dict]:
        return [m for m in self.members if m["role"] == "child"]


class Kind(models.TextChoices):
    DECLARATION = "dtr", _("Déclaration trimestrielle de ressources (RSA et prime d’activité)")
    PPA = "ppa", _("Demande de prime d’activité")
    RSA = "rsa", _("Demande de RSA")


class DraftQuerySet(models.QuerySet):
    def open(self):
        """Drafts not filed yet: the ones "Mon espace" offers to continue."""
        return self.filter(claim__isnull=True)


class ClaimDraft(models.Model):
    file = models.ForeignKey(
        AllocataireFile, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="drafts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="claim_drafts",
    )
    kind = models.CharField(_("démarche"), max_length=8, choices=Kind.choices)
    month = models.CharField(
        _("mois"), max_length=7, help_text=_("Mois pour lequel le droit est calculé (AAAA-MM)")
    )
    # The key that makes filing idempotent: one draft files at most one claim, whatever the retries.
    key = models.UUIDField(_("clé d’idempotence"), default=uuid.uuid4, unique=True, editable=False)
    data = models.JSONField(_("réponses"), default=dict)
    # Optimistic concurrency (revisions.py): the number of saves that changed something, and for each
    # field the revisions that changed it with the value each replaced.
    revision = models.PositiveIntegerField(_("révision"), default=0)
    changes = models.JSONField(_("modifications"), default=dict, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = DraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("brouillon")
        verbose_name_plural = _("brouillons")
        ordering = ["-updated_at"]

    def __str__(self):
        return gettext("Brouillon %(kind)s %(month)s") % {
            "kind": self.get_kind_display(),
            "month": self.month,
        }

    @property
    def is_filed(self) -> bool:
        return Claim.objects.filter(draft=self).exists()


class Status(models.TextChoices):
    FILED = "deposee", _("Déposée")
    INSTRUCTING = "en_instruction", _("En instruction")
    ACCEPTED = "acceptee", _("Acceptée")
    REFUSED = "refusee", _("Refusée")


# brouillon → déposée → en instruction → acceptée / refusée; a decision is final here (an appeal is
# a new procedure, the recours administratif préalable obligatoire, CASF L262-47).
TRANSITIONS = {
    Status.FILED: (Status.INSTRUCTING,),
    Status.INSTRUCTING: (Status.ACCEPTED, Status.REFUSED),
    Status.ACCEPTED: (),
    Status.REFUSED: (),
}


class Claim(models.Model):
    draft = models.OneToOneField(
        ClaimDraft, verbose_name=_("brouillon"), on_delete=models.PROTECT, related_name="claim"
    )
    key = models.UUIDField(_("clé d’idempotence"), unique=True)
    file = models.ForeignKey(
        AllocataireFile, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="claims"
    )
    kind = models.CharField(_("démarche"), max_length=8, choices=Kind.choices)
    month = models.CharField(_("mois"), max_length=7)
    inputs = models.JSONField(
        _("réponses déposées"),
        help_text=_(
            "Les réponses du brouillon telles que déposées, avec la source de chaque montant prérempli"
        ),
    )
    figures = models.JSONField(
        _("montants déclarés"),
        default=list,
        help_text=_("Une ligne par montant déclaré : prérempli, déclaré, source"),
    )
    household = models.JSONField(_("foyer"))
    estimate = models.JSONField(_("estimation"))
    engine_version = models.CharField(_("version du moteur de calcul"), max_length=32)
    parameters_version = models.CharField(_("version des paramètres"), max_length=32)
    status = models.CharField(_("statut"), max_length=16, choices=Status.choices, default=Status.FILED)
    # The mandate under which an agent filed it for the person (benefits.desk); null when filed by the person.
    mandate = models.ForeignKey(
        "benefits.Mandate",
        verbose_name=_("mandat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="claims",
    )
    filed_at = models.DateTimeField(_("déposée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("demande déposée")
        verbose_name_plural = _("demandes déposées")
        ordering = ["-filed_at"]
        constraints = [
            # A quarter is declared once (services.AlreadyDeclared says it; the database guarantees it).
            models.UniqueConstraint(
                fields=["file", "month"],
                condition=models.Q(kind="dtr"),
                name="one_declaration_per_quarter",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.month}"

    def next_statuses(self) -> tuple[str, ...]:
        return TRANSITIONS[Status(self.status)]


class StatusChange(models.Model):
    claim = models.ForeignKey(
        Claim, verbose_name=_("demande"), on_delete=models.CASCADE, related_name="history"
    )
    status = models.CharField(_("statut"), max_length=16, choices=Status.choices)
    at = models.DateTimeField(_("date et heure"), auto_now_add=True)
    channel = models.CharField(_("canal"), max_length=16, choices=Channel.choices, blank=True)

    class Meta:
        verbose_name = _("changement de statut")
        verbose_name_plural = _("changements de statut")
        ordering = ["at", "pk"]

    def __str__(self):
        # In Paris time, as /gestion/ shows `at` beside it (was UTC: an hour or two off).
        return f"{self.get_status_display()} {timezone.localtime(self.at):%Y-%m-%d %H:%M}"
