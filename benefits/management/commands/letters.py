"""manage.py letters sample KIND OUT.pdf | letters rerender --failed"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from benefits.letters.documents import letter_pdf
from benefits.letters.models import Letter, LetterKind, LetterStatus
from benefits.letters.samples import sample_letter
from benefits.letters.services import letter_requeue


class Command(BaseCommand):
    help = "Courriers : écrire un exemple de chaque type (sans Celery), relancer les courriers en échec."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        sample = actions.add_parser(
            "sample", help="Écrit un exemple de courrier à partir des données de démonstration."
        )
        sample.add_argument("kind", choices=LetterKind.values)
        sample.add_argument("out", type=Path)
        sample.add_argument("--language", choices=("fr", "en"), default="fr")
        rerender = actions.add_parser("rerender", help="Remet en file les courriers en échec.")
        rerender.add_argument("--failed", action="store_true", required=True)

    def handle(self, *args, action, **options):
        if action == "sample":
            return self.sample(options["kind"], options["out"], options["language"])
        return self.rerender()

    def sample(self, kind, out: Path, language: str):
        pdf, pages = letter_pdf(sample_letter(kind, language=language))
        try:
            out.write_bytes(pdf)
        except OSError as error:
            raise CommandError(f"{out}: {error.strerror}") from error
        self.stdout.write(f"{out} : {kind}, {pages} page(s), {len(pdf)} octets.")

    def rerender(self):
        count = 0
        for letter in Letter.objects.filter(status=LetterStatus.FAILED).order_by("pk").iterator():
            letter_requeue(letter=letter)
            count += 1
        self.stdout.write(f"{count} courrier(s) en échec remis en file.")
