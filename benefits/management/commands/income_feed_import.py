from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from benefits.campaigns.feed_import import income_feed_import


def unreadable_reason(error: OSError) -> str:
    """Why the file cannot be read, in French (the system's own words are English)."""
    if isinstance(error, FileNotFoundError):
        return "fichier introuvable (vérifiez le chemin)"
    if isinstance(error, IsADirectoryError):
        return "c’est un dossier, pas un fichier"
    if isinstance(error, PermissionError):
        return "lecture non autorisée pour cet utilisateur"
    return f"fichier illisible ({error.strerror})"


class Command(BaseCommand):
    help = (
        "Importe un fichier mensuel du flux de revenus (CSV ou JSON lines : nir, month, payer, kind, amount). "
        "Importer deux fois le même fichier ne change rien ; une ligne invalide n’écarte qu’elle-même "
        "(--strict : tout le fichier)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--strict", action="store_true", help="refuser tout le fichier à la première ligne invalide"
        )
        parser.add_argument(
            "--no-recalculation",
            action="store_true",
            help="ne pas recalculer les foyers dont les revenus changent",
        )

    def handle(self, *args, path: Path, strict: bool, no_recalculation: bool, **options):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path} : {unreadable_reason(error)}") from None
        report = income_feed_import(
            data=data, name=path.name, strict=strict, recalculate=not no_recalculation
        )
        if report.refused_file:
            raise CommandError(f"{path.name} refusé : {report.refused_file}")
        feed = report.feed
        if report.already_imported:
            self.stdout.write(
                f"{path.name} : déjà importé le {feed.imported_at:%d/%m/%Y %H:%M}, rien n’a changé."
            )
            return
        for refusal in feed.refusals:
            self.stderr.write(f"ligne {refusal['line']} refusée : {refusal['reason']}")
        if feed.refused > len(feed.refusals):
            self.stderr.write(f"… et {feed.refused - len(feed.refusals)} autre(s) ligne(s) refusée(s)")
        self.stdout.write(
            f"{path.name} : {feed.lines} ligne(s), {feed.stored} enregistrée(s), {feed.unchanged} inchangée(s), "
            f"{feed.refused} refusée(s) ; {len(report.changed_files)} foyer(s) à recalculer."
        )
