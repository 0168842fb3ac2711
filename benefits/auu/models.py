"""A claim for the aide universelle d'urgence (CASF L214-8 s.): the victim's own, seen by no one else.

It is deliberately **not** a `claims.Claim`: those belong to the allocataire file, which the other adult
of the household may see (and who may be the perpetrator). This one belongs to the account that filed
it (`user`) and to agents; the file number is kept as text for the agents, without a link that would
make it appear among the file's claims.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from benefits.claims.models import Status


class Perpetrator(models.TextChoices):
    SPOUSE = "spouse", _("Mon époux ou mon épouse, ou mon ex-époux ou ex-épouse (mariage)")
    CONCUBIN = "concubin", _("Mon concubin ou ma concubine, ou mon ex-concubin ou ex-concubine")
    PACS = "pacs_partner", _("Mon ou ma partenaire de PACS, ou mon ex-partenaire de PACS")


class Proof(models.TextChoices):
    PROTECTION_ORDER = "protection_order", _("Une ordonnance de protection du juge aux affaires familiales")
    COMPLAINT = "complaint", _("Un dépôt de plainte")
    PROSECUTOR_REPORT = "prosecutor_report", _("Un signalement au procureur de la République")


class Form(models.TextChoices):
    GRANT = "grant", _("Aide non remboursable")
    LOAN = "loan", _("Prêt sans intérêt")


class UrgentClaimQuerySet(models.QuerySet):
    def for_agents(self):
        """Priority first, then the nearest payment deadline (the law pays within 3 or 5 working days)."""
        return self.order_by("-priority", "due_by", "filed_at")


class UrgentClaim(models.Model):
    reference = models.UUIDField(_("identifiant technique"), default=uuid.uuid4, unique=True, editable=False)
    # Said over the phone and printed on the receipt and letter (benefits/auu/references.py); the UUID
    # stays in the URLs. Unique, hence indexed.
    short_reference = models.CharField(_("référence"), max_length=8, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte de la personne"),
        on_delete=models.PROTECT,
        related_name="urgent_claims",
    )
    file_number = models.CharField(_("numéro allocataire (si connu)"), max_length=16, blank=True)
    perpetrator = models.CharField(
        _("qui a commis les violences"), max_length=16, choices=Perpetrator.choices
    )
    proof = models.CharField(_("pièce justificative"), max_length=24, choices=Proof.choices)
    proof_date = models.DateField(_("date de la pièce"))
    monthly_resources = models.DecimalField(_("ressources du mois"), max_digits=10, decimal_places=2)
    children = models.PositiveSmallIntegerField(_("enfants à charge"))
    safe_contact = models.CharField(_("moyen de contact sans risque"), max_length=200, blank=True)
    form = models.CharField(_("forme de l’aide"), max_length=8, choices=Form.choices, blank=True)
    amount = models.DecimalField(_("montant"), max_digits=10, decimal_places=2)
    decision = models.JSONField(
        _("calcul de l’aide"),
        help_text=_("L’explication du calcul (benefits/rules/auu.py), telle que déposée"),
    )
    parameters_version = models.CharField(_("version des paramètres"), max_length=32)
    status = models.CharField(_("statut"), max_length=16, choices=Status.choices, default=Status.FILED)
    priority = models.BooleanField(_("prioritaire"), default=True)
    due_by = models.DateField(
        _("à payer au plus tard le"),
        help_text=_(
            "Délai de paiement : 3 jours ouvrés, 5 pour une personne qui n’est pas encore allocataire"
        ),
    )
    filed_at = models.DateTimeField(_("déposée le"), auto_now_add=True)
    decided_on = models.DateField(
        _("décidée le"),
        null=True,
        blank=True,
        help_text=_(
            "Date de la décision (acceptée ou refusée) : l’aide n’est accordée qu’une fois sur 12 mois "
            "à compter de cette date (CASF D214-12)"
        ),
    )

    objects = UrgentClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("demande prioritaire (aide d’urgence)")
        verbose_name_plural = _("demandes prioritaires (aide d’urgence)")
        ordering = ["-priority", "due_by", "filed_at"]

    def __str__(self):
        # Neutral: this text may appear in lists and notifications.
        return f"Demande {self.filed_at:%d/%m/%Y}" if self.filed_at else "Demande"
