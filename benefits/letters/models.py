"""A letter sent to a person: its frozen context, its rendering state and its PDF on private storage."""

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from benefits.claims.models import AllocataireFile
from benefits.letters.fields import JSONTextField


class CurrentLettersStorage(Storage):
    """Delegates each call to STORAGES["letters"] as configured now: Django evaluates a FileField's
    storage once, at import, and this keeps the field on the configured backend (tests override it)."""

    def _open(self, name, mode="rb"):
        return storages["letters"].open(name, mode)

    def _save(self, name, content):
        return storages["letters"].save(name, content)

    def delete(self, name):
        return storages["letters"].delete(name)

    def exists(self, name):
        return storages["letters"].exists(name)

    def size(self, name):
        return storages["letters"].size(name)

    def listdir(self, path):
        return storages["letters"].listdir(path)

    def path(self, name):
        return storages["letters"].path(name)

    def url(self, name):
        return storages["letters"].url(name)

    def generate_filename(self, filename):
        return storages["letters"].generate_filename(filename)

    def get_available_name(self, name, max_length=None):
        return storages["letters"].get_available_name(name, max_length=max_length)


def letters_storage():
    """The private storage of the letters (STORAGES["letters"]: a folder outside the static files by
    default, S3-compatible in production). A callable, so the migration does not freeze the backend."""
    return CurrentLettersStorage()


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", _("Accusé de réception")
    DECISION = "decision", _("Notification de décision")
    RECALCULATION = "recalculation", _("Nouveau calcul de vos droits")
    ELIGIBILITY = "eligibility", _("Vous pourriez avoir droit à une aide")
    # The aide universelle d'urgence's receipt (benefits/auu/letters.py): a neutral label on purpose.
    CONFIDENTIAL_RECEIPT = "confidential_receipt", _("Accusé de réception de votre demande")
    # The exceptional aid a campaign pays (benefits/campaigns/aid_letter.py).
    EXCEPTIONAL_AID = "exceptional_aid", _("Aide exceptionnelle de solidarité")


class LetterStatus(models.TextChoices):
    QUEUED = "queued", _("En préparation")
    READY = "ready", _("Disponible")
    FAILED = "failed", _("En échec")


class LetterQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Letters this person may read: addressed to them, or to their file when no recipient is set
        (a confidential claim's letters name their recipient, so another adult of the file sees none)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(models.Q(recipient=user) | models.Q(recipient__isnull=True, file__user=user))

    def read_by_holder_of(self, file):
        """The file's letters its holder reads: what an agent under a mandate on the file sees (never
        another file's, never one addressed to another adult of it). Never the urgent aid's receipt
        either: that claim is the victim's own, made and read in their own space (benefits/auu)."""
        addressed = models.Q(recipient__isnull=True)
        if file.user_id is not None:
            addressed |= models.Q(recipient_id=file.user_id)
        return self.filter(addressed, file=file).exclude(kind=LetterKind.CONFIDENTIAL_RECEIPT)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Letter(models.Model):
    # Not indexed alone: the (file, -created_at) index serves the file's lookups (a campaign chunk
    # writes hundreds of letters: every index is written for each, so none is kept twice).
    file = models.ForeignKey(
        AllocataireFile,
        verbose_name=_("dossier"),
        on_delete=models.PROTECT,
        related_name="letters",
        db_index=False,
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinataire"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
        help_text=_(
            "Si renseigné, seule cette personne voit le courrier ; sinon, le ou la titulaire du dossier."
        ),
        db_index=False,  # indexed where set (Meta): a campaign's letters have none
    )
    kind = models.CharField(_("type"), max_length=32, choices=LetterKind.choices)
    # Human reference printed on the letter and in its file name: YYYY-MM-000123 (month of creation, id).
    # Unique because the id is (every writer formats it from the row's id: services.letter_request,
    # bulk.py), so no index: nothing looks a letter up by its reference (the admin's search is a
    # LIKE '%…%' no index serves), and a campaign chunk would write one entry per letter for nothing.
    reference = models.CharField(_("référence"), max_length=24, null=True, blank=True)  # noqa: DJ001 (unique: NULL until numbered)
    subject = models.CharField(_("objet"), max_length=200)
    # Everything the template needs, frozen when the letter is requested: a letter rendered again in a
    # year says exactly the same thing, whatever the rules or the file have become. Stored as written
    # (`text` on PostgreSQL, neither `jsonb` nor `json`: nothing queries inside it, fields.py).
    context = JSONTextField(_("contexte figé"), default=dict)
    language = models.CharField(_("langue"), max_length=8, default="fr", choices=settings.LANGUAGES)
    engine_version = models.CharField(_("version du moteur de calcul"), max_length=32, blank=True)
    parameters_version = models.CharField(_("version des paramètres"), max_length=32, blank=True)
    status = models.CharField(
        _("statut"), max_length=16, choices=LetterStatus.choices, default=LetterStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    pdf = models.FileField(_("fichier PDF"), storage=letters_storage, upload_to="letters/", blank=True)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("taille (octets)"), null=True, blank=True)
    page_count = models.PositiveSmallIntegerField(_("nombre de pages"), null=True, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    rendered_at = models.DateTimeField(_("préparé le"), null=True, blank=True)
    read_at = models.DateTimeField(_("lu le"), null=True, blank=True)
    # kind:source:revision — a retried task or an event received twice makes one letter. Unique by a
    # constraint (Meta), not unique=True: that would add a second, LIKE-pattern index on PostgreSQL
    # that no query uses.
    idempotency_key = models.CharField(_("clé d’idempotence"), max_length=200)

    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("courrier")
        verbose_name_plural = _("courriers")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["file", "-created_at"]),
            # Partial indexes: a campaign chunk writes hundreds of letters, queued and without a
            # recipient, and neither takes an entry in these. Only the failed letters are looked up
            # by status (the admin, `manage.py letters`); a recipient is looked up where set.
            models.Index(
                fields=["status"], condition=models.Q(status=LetterStatus.FAILED), name="letter_failed_idx"
            ),
            models.Index(
                fields=["recipient"], condition=models.Q(recipient__isnull=False), name="letter_recipient_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["idempotency_key"], name="letter_idempotency_key_unique"),
        ]

    def __str__(self):
        return f"{self.reference or self.pk} {self.subject}"

    @property
    def is_ready(self) -> bool:
        return self.status == LetterStatus.READY

    @property
    def download_name(self) -> str:
        return f"courrier-{self.reference}.pdf"
